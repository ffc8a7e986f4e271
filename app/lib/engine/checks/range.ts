import type { Variable } from '../../dataset/dictionary';
import { about, fmt, num } from './finding';
import { join, rows, sql, type Frag } from '../sql/frag';
import { defineCheck, type CheckContext, type Finding } from './types';

interface Declared {
	variable: string;
	lo: number | null;
	hi: number | null;
	/** Allowed codes when the value labels enumerate the answers. */
	codes: number[] | null;
	source: string;
}

/** Valid codes of a labelled variable, without its user-missing codes. */
export function labelledCodes(v: Variable): number[] {
	const miss = new Set(v.missing.values.map(String));
	const r = v.missing.range;
	return Object.keys(v.valueLabels)
		.map(Number)
		.filter((c) => Number.isFinite(c) && !miss.has(String(c)) && !(r && (r[0] === null || c >= r[0]) && (r[1] === null || c <= r[1])))
		.sort((a, b) => a - b);
}

export function declaredRanges(ctx: CheckContext): Declared[] {
	const out = new Map<string, Declared>();
	const numeric = new Map(ctx.dictionary.variables.filter((v) => v.type === 'numeric').map((v) => [v.name, v]));
	for (const name of ctx.substantive) {
		const v = numeric.get(name);
		if (!v) continue;
		const codes = labelledCodes(v);
		if (codes.length < 2 || v.measure === 'scale') continue;
		const lo = codes[0];
		const hi = codes.at(-1)!;
		const complete = codes.every((c) => Number.isInteger(c)) && hi - lo + 1 === codes.length;
		if (complete || codes.length > 3) out.set(name, { variable: name, lo: null, hi: null, codes, source: 'value labels' });
		else out.set(name, { variable: name, lo, hi, codes: null, source: 'labelled scale ends' });
	}
	for (const g of ctx.roles.grids)
		if (g.scale)
			for (const item of g.items)
				if (numeric.has(item) && !out.has(item))
					out.set(item, { variable: item, lo: g.scale[0], hi: g.scale[1], codes: null, source: `scale of grid ${g.name}` });
	const age = ctx.roles.demographics.age;
	if (age && numeric.has(age) && !out.has(age))
		out.set(age, { variable: age, lo: num(ctx.params.ageMin), hi: num(ctx.params.ageMax), codes: null, source: 'plausible age' });
	for (const [name, [lo, hi]] of Object.entries(ctx.config.ranges ?? {}))
		if (numeric.has(name)) out.set(name, { variable: name, lo, hi, codes: null, source: 'declared range' });
	return [...out.values()];
}

export default defineCheck({
	id: 'range',
	version: 1,
	title: 'Out of range',
	description: 'Numeric answers outside the declared range or grid scale, and codes that have no value label.',
	category: 'validity',
	severity: 'warning',
	needs: ['numbers'],
	params: {
		ageMin: { type: 'number', default: 14, description: 'youngest plausible age' },
		ageMax: { type: 'number', default: 105, description: 'oldest plausible age' }
	},
	async run(ctx) {
		const decl = declaredRanges(ctx);
		if (!decl.length) return [];
		const selects: Frag[] = decl.map((d, i) => {
			const x = ctx.value(d.variable);
			const bad = d.codes
				? sql`${x} NOT IN (${join(d.codes.map((c) => sql`${c}`))})`
				: join(
						[d.lo !== null ? sql`${x} < ${d.lo}` : null, d.hi !== null ? sql`${x} > ${d.hi}` : null]
							.filter((f): f is Frag => f !== null)
							.map((f) => sql`(${f})`),
						' OR '
					);
			return sql`SELECT ${i} AS i, __row AS r, ${x}::DOUBLE AS x FROM data WHERE ${x} IS NOT NULL AND ${bad}`;
		});
		const hits = await rows<{ i: number; r: number; x: number }>(ctx.db, sql`${join(selects, ' UNION ALL ')} ORDER BY r, i`);
		const out: Finding[] = [];
		for (const h of hits) {
			const d = decl[h.i];
			const message = d.codes
				? `${d.variable} = ${fmt(h.x, 6)} has no value label (valid codes ${d.codes.join(', ')})`
				: `${d.variable} = ${fmt(h.x, 6)} is outside ${d.lo === null ? '−∞' : fmt(d.lo, 6)}–${d.hi === null ? '∞' : fmt(d.hi, 6)} (${d.source})`;
			out.push(
				about(ctx, 'range', h.r, {
					variable: d.variable,
					severity: 'warning',
					score: 0.7,
					message,
					evidence: { value: h.x, lo: d.lo, hi: d.hi, codes: d.codes, source: d.source }
				})
			);
		}
		return out;
	}
});
