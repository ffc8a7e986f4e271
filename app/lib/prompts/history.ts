import { templateVariables } from './template';
import type { Prompt, PromptBody, PromptDefinition, PromptVersion, PromptVersionRecord } from './types';

/** Who and when, for a new version. */
export interface Authorship {
	id: string;
	by: string;
	at: string;
}

const order = (a: PromptVersionRecord, b: PromptVersionRecord) =>
	a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * A prompt's history: the built-in as version 1, then every stored version in order of creation
 * (time, then id, so every replica numbers concurrent edits alike). Records of other prompts are ignored.
 */
export function buildPrompt(definition: PromptDefinition, builtin: PromptVersionRecord, records: readonly PromptVersionRecord[]): Prompt {
	const mine = records.filter((r) => r.promptId === definition.id && r.id !== builtin.id).sort(order);
	const versions: PromptVersion[] = [builtin, ...mine].map((r, i) => ({ ...r, number: i + 1 }));
	return { definition, versions, current: versions[versions.length - 1] };
}

/** Problems of a set of variants against its definition, one line each (empty when it can be saved). */
export function checkVariants(definition: PromptDefinition, defaultLang: string, variants: Record<string, PromptBody>): string[] {
	const problems: string[] = [];
	if (!variants[defaultLang]) problems.push(`${definition.id}: no variant in the default language ${defaultLang}`);
	for (const [lang, body] of Object.entries(variants)) {
		if (!body.user.trim()) problems.push(`${definition.id} (${lang}): the user message is empty`);
		for (const v of templateVariables(`${body.system}\n${body.user}`)) {
			if (!definition.variables.includes(v)) {
				problems.push(`${definition.id} (${lang}): unknown variable {{${v}}}; known: ${definition.variables.join(', ')}`);
			}
		}
	}
	return problems;
}

/** A new version from the current one with changed variants; throws the first problem of {@link checkVariants}. */
export function editPrompt(
	prompt: Prompt,
	change: { variants: Record<string, PromptBody>; defaultLang?: string; note: string },
	who: Authorship
): PromptVersionRecord {
	const defaultLang = change.defaultLang ?? prompt.current.defaultLang;
	const problems = checkVariants(prompt.definition, defaultLang, change.variants);
	if (problems.length) throw new Error(problems[0]);
	return { ...who, promptId: prompt.definition.id, parent: prompt.current.id, note: change.note, defaultLang, variants: change.variants };
}

/** A new version with the text of version `number`: history keeps everything in between. */
export function rollbackPrompt(prompt: Prompt, number: number, who: Authorship): PromptVersionRecord {
	const target = prompt.versions.find((v) => v.number === number);
	if (!target) throw new Error(`${prompt.definition.id}: there is no version ${number} (versions 1–${prompt.versions.length})`);
	return {
		...who,
		promptId: prompt.definition.id,
		parent: prompt.current.id,
		note: `rollback to version ${number}`,
		defaultLang: target.defaultLang,
		variants: structuredClone(target.variants),
		rollbackOf: target.id
	};
}

/**
 * The variant for `lang`: that tag, else its base language (`pt-BR` → `pt`), else another region of
 * it (`pt` → `pt-BR`), else the version's default language.
 */
export function resolveVariant(version: PromptVersionRecord, lang: string): { lang: string; body: PromptBody } {
	const base = lang.split('-')[0].toLowerCase();
	const tags = Object.keys(version.variants);
	const pick =
		tags.find((t) => t.toLowerCase() === lang.toLowerCase()) ??
		tags.find((t) => t.toLowerCase() === base) ??
		tags.find((t) => t.toLowerCase().split('-')[0] === base) ??
		version.defaultLang;
	return { lang: pick, body: version.variants[pick] };
}
