import type { Dataset } from '../dataset/dataset';
import type { SqlDb } from '../sql/db';
import { isMissing } from '../dataset/missing';
import type { CheckRun } from '../checks/registry';
import { join, rows, sql, Frag } from '../sql/frag';
import type { SectionCompleteness, VariableQuality } from './types';

/** Respondents flagged (warning or error) per variable by any of `checks`. */
function flaggedPerVariable(runs: readonly CheckRun[], checks: string[]): Map<string, number> {
	const sets = new Map<string, Set<number>>();
	for (const r of runs) {
		if (!checks.includes(r.id) || r.skipped || r.error) continue;
		for (const f of r.findings) {
			if (f.row === undefined || f.variable === undefined || f.severity === 'info') continue;
			let s = sets.get(f.variable);
			if (!s) sets.set(f.variable, (s = new Set()));
			s.add(f.row);
		}
	}
	return new Map([...sets].map(([k, s]) => [k, s.size]));
}

/** Missing values per variable (the Dataset's one definition), in one scan of the data. */
async function missingCounts(db: SqlDb, ds: Dataset, names: string[]): Promise<Map<string, number>> {
	if (!names.length) return new Map();
	const cols = names.map((n, i) => sql`count_if(${isMissing(ds.variable(n))})::BIGINT AS ${new Frag(`m${i}`, [])}`);
	const [r] = await rows<Record<string, number>>(db, sql`SELECT ${join(cols)} FROM data`);
	return new Map(names.map((n, i) => [n, Number(r[`m${i}`])]));
}

/** Per answer variable: missing values, out-of-range and invalid-format respondents, poor open-end answers. */
export async function variableQuality(
	db: SqlDb,
	ds: Dataset,
	substantive: string[],
	runs: readonly CheckRun[]
): Promise<VariableQuality[]> {
	const missing = await missingCounts(db, ds, substantive);
	const range = flaggedPerVariable(runs, ['range']);
	const invalid = flaggedPerVariable(runs, ['formats', 'types']);
	const text = flaggedPerVariable(runs, ['text-quality']);
	const open = new Set(ds.roles.openEnds);
	return substantive.map((name) => {
		const v = ds.variable(name);
		return {
			name,
			label: v.label,
			type: v.type,
			missing: missing.get(name) ?? 0,
			outOfRange: range.get(name) ?? 0,
			invalid: invalid.get(name) ?? 0,
			poorText: open.has(name) ? (text.get(name) ?? 0) : null
		};
	});
}

/** Share of each section's cells that hold an answer. */
export async function sectionCompleteness(
	db: SqlDb,
	ds: Dataset,
	sections: { name: string; vars: string[] }[]
): Promise<SectionCompleteness[]> {
	if (!sections.length || !ds.rows) return [];
	const cols = sections.map(
		(s, i) =>
			sql`(${join(
				s.vars.map((n) => sql`count_if(NOT ${isMissing(ds.variable(n))})`),
				' + '
			)})::BIGINT AS ${new Frag(`s${i}`, [])}`
	);
	const [r] = await rows<Record<string, number>>(db, sql`SELECT ${join(cols)} FROM data`);
	return sections.map((s, i) => ({ name: s.name, variables: s.vars.length, answered: Number(r[`s${i}`]) / (s.vars.length * ds.rows) }));
}
