import type { Dictionary } from '../../dataset/dictionary';
import type { SqlDb } from '../sql/db';
import { Frag, ident, join, rows, sql } from '../sql/frag';
import type { ColumnStats } from './stats';

const SENTINELS = new Set([-999, -99, -98, -97, -9, -8, -7, 97, 98, 99, 997, 998, 999, 9999]);

/**
 * Codes like 98 "don't know" or -9 "refused" sitting apart from a short integer scale (1–5 plus 98, 99),
 * in numeric variables that declare no missing values: files without a dictionary (CSV, Excel) carry them as numbers.
 */
export async function inferMissingCodes(db: SqlDb, dict: Dictionary, stats: Map<string, ColumnStats>): Promise<Record<string, number[]>> {
	const cands = dict.variables.filter((v) => {
		const s = stats.get(v.name);
		return (
			v.type === 'numeric' &&
			v.missing.values.length === 0 &&
			v.missing.range === null &&
			s &&
			s.integerShare === 1 &&
			s.distinct <= 30 &&
			s.max !== null &&
			s.min !== null &&
			(SENTINELS.has(s.max) || SENTINELS.has(s.min))
		);
	});
	if (!cands.length) return {};
	const [r] = await rows<Record<string, number[]>>(
		db,
		sql`SELECT ${join(cands.map((v, i) => sql`list(DISTINCT ${ident(v.name)}) AS ${new Frag(`d${i}`, [])}`))} FROM data`
	);
	const out: Record<string, number[]> = {};
	cands.forEach((v, i) => {
		const vals = (r[`d${i}`] ?? []).filter((x) => x !== null).sort((a, b) => a - b);
		const codes = vals.filter((x) => SENTINELS.has(x));
		const rest = vals.filter((x) => !SENTINELS.has(x));
		if (rest.length < 2 || !codes.length) return;
		const lo = rest[0];
		const hi = rest[rest.length - 1];
		if (hi - lo > 20) return;
		const apart = codes.every((c) => c > hi + 2 || c < lo - 2);
		const labelled = Object.keys(v.valueLabels);
		if (apart && (labelled.length === 0 || codes.every((c) => labelled.includes(String(c))))) out[v.name] = codes;
	});
	return out;
}

/** The dictionary with inferred missing codes added, as every check should see it. */
export function effectiveDictionary(dict: Dictionary, codes: Record<string, number[]>): Dictionary {
	if (!Object.keys(codes).length) return dict;
	return {
		...dict,
		variables: dict.variables.map((v) =>
			codes[v.name] ? { ...v, missing: { values: [...v.missing.values, ...codes[v.name]], range: v.missing.range } } : v
		)
	};
}
