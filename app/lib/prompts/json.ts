import { PROMPT_DEFINITIONS } from './builtin';
import { checkVariants } from './history';
import type { PromptBody, PromptVersionRecord } from './types';

/** The file format of an exported prompt library. */
export interface PromptLibraryFile {
	format: 'sieve-prompts';
	version: 1;
	/** every stored version (the built-ins ship with the app and are left out) */
	versions: PromptVersionRecord[];
}

export function exportPrompts(records: readonly PromptVersionRecord[]): string {
	const file: PromptLibraryFile = { format: 'sieve-prompts', version: 1, versions: [...records] };
	return JSON.stringify(file, null, '\t');
}

const isBody = (b: unknown): b is PromptBody =>
	typeof b === 'object' && b !== null && typeof (b as PromptBody).system === 'string' && typeof (b as PromptBody).user === 'string';

/**
 * The versions of an exported library that `existing` lacks; versions are added, never replaced.
 * A malformed file throws one line naming the file and the version at fault, and nothing is taken.
 */
export function importPrompts(fileName: string, text: string, existing: readonly PromptVersionRecord[]): PromptVersionRecord[] {
	let file: Partial<PromptLibraryFile>;
	try {
		file = JSON.parse(text) as Partial<PromptLibraryFile>;
	} catch {
		throw new Error(`${fileName}: not JSON`);
	}
	if (file?.format !== 'sieve-prompts' || file.version !== 1 || !Array.isArray(file.versions)) {
		throw new Error(`${fileName}: not a Sieve prompt library (format "sieve-prompts", version 1)`);
	}
	const known = new Set(existing.map((r) => r.id));
	const out: PromptVersionRecord[] = [];
	for (const [i, r] of file.versions.entries()) {
		const where = `${fileName}: versions[${i}]`;
		if (typeof r !== 'object' || r === null) throw new Error(`${where} is not an object`);
		for (const f of ['id', 'promptId', 'at', 'by', 'note', 'defaultLang'] as const) {
			if (typeof r[f] !== 'string') throw new Error(`${where}: ${f} must be a string`);
		}
		if (r.id.startsWith('builtin:')) throw new Error(`${where}: built-in versions ship with Sieve and cannot be imported`);
		const definition = PROMPT_DEFINITIONS.find((d) => d.id === r.promptId);
		if (!definition) throw new Error(`${where}: unknown prompt ${r.promptId}`);
		if (Number.isNaN(Date.parse(r.at))) throw new Error(`${where}: at must be an ISO-8601 time`);
		if (typeof r.variants !== 'object' || r.variants === null || !Object.values(r.variants).every(isBody)) {
			throw new Error(`${where}: variants must map languages to {system, user}`);
		}
		const problems = checkVariants(definition, r.defaultLang, r.variants);
		if (problems.length) throw new Error(`${where}: ${problems[0]}`);
		if (known.has(r.id)) continue;
		known.add(r.id);
		out.push({
			id: r.id,
			promptId: r.promptId,
			parent: typeof r.parent === 'string' ? r.parent : null,
			at: r.at,
			by: r.by,
			note: r.note,
			defaultLang: r.defaultLang,
			variants: r.variants,
			...(typeof r.rollbackOf === 'string' ? { rollbackOf: r.rollbackOf } : {})
		});
	}
	return out;
}
