import type { SieveConfig } from './config';

/** One place a CONFIG names a variable: the field as a user would find it in the file, and the name. */
export interface ConfigVariable {
	field: string;
	name: string;
}

const SINGLE = ['duration', 'start', 'end', 'ip', 'userAgent', 'weight'] as const;

/**
 * Every variable name a CONFIG gives, except `id` (which `dataset/id.ts` resolves, with its own
 * fallback). Roles use the names that exist; the Dataset reports the others as problems.
 */
export function configVariables(config: SieveConfig): ConfigVariable[] {
	const out: ConfigVariable[] = [];
	for (const field of SINGLE) {
		const name = config[field];
		if (name) out.push({ field, name });
	}
	const list = (field: string, names: readonly string[] | undefined) =>
		names?.forEach((name, i) => out.push({ field: `${field}[${i}]`, name }));
	list('screeners', config.screeners);
	list('paradata', config.paradata);
	list('openEnds', config.openEnds);
	(config.grids ?? []).forEach((g, i) => list(`grids[${i}] "${g.name}" items`, g.items));
	(config.attentionChecks ?? []).forEach((a, i) => out.push({ field: `attentionChecks[${i}]`, name: a.variable }));
	for (const name of Object.keys(config.ranges ?? {})) out.push({ field: 'ranges', name });
	for (const [section, names] of Object.entries(config.sections ?? {})) list(`sections.${section}`, names);
	return out;
}
