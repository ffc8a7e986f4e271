import { about, num, pct } from './finding';
import { Frag, join, rows, sql } from '../sql/frag';
import { categoricalStrings } from './categories';
import { labelledCodes } from './range';
import { defineCheck, type CheckContext, type Finding } from './types';

export default defineCheck({
	id: 'types',
	version: 1,
	title: 'Data types',
	description:
		'Values that do not fit the type of their column: text in a column of numbers or dates, fractions in whole-number or coded variables.',
	category: 'validity',
	severity: 'warning',
	needs: [],
	params: {
		majority: {
			type: 'number',
			default: 0.9,
			min: 0.5,
			max: 1,
			description: 'a text column is numeric (or date) when at least this share parses'
		},
		maxCells: { type: 'number', default: 10000, min: 0, description: 'at most this many answer-level findings per variable' }
	},
	async run(ctx) {
		const out: Finding[] = [];
		const majority = num(ctx.params.majority);
		const names = categoricalStrings(ctx);
		const stats = await parseShares(ctx, names);
		for (const [i, name] of names.entries()) {
			const x = ctx.value(name);
			const s = stats[i];
			if (!s.n) continue;
			for (const [kind, cast, share] of [
				['number', sql`TRY_CAST(${x} AS DOUBLE)`, s.num / s.n],
				['date', sql`TRY_CAST(${x} AS DATE)`, s.date / s.n]
			] as const) {
				if (share < majority || share === 1) continue;
				const hits = await rows<{ r: number; v: string }>(
					ctx.db,
					sql`SELECT __row AS r, ${x} AS v FROM data WHERE ${x} IS NOT NULL AND ${cast} IS NULL ORDER BY __row LIMIT ${num(ctx.params.maxCells)}`
				);
				for (const h of hits)
					out.push(
						about(ctx, 'types', h.r, {
							variable: name,
							severity: 'warning',
							score: 0.5,
							message: `${name} = ${JSON.stringify(h.v)} is not a ${kind}, unlike ${pct(share)} of the column`,
							evidence: { value: h.v, expected: kind }
						})
					);
				break;
			}
		}
		const wholes = ctx.dictionary.variables.filter(
			(v) =>
				v.type === 'numeric' && ctx.substantive.includes(v.name) && (/^(F|N)\d+(\.0)?$/i.test(v.format) || labelledCodes(v).length >= 2)
		);
		if (wholes.length) {
			const frac = wholes.map((v) => sql`(${ctx.value(v.name)} <> round(${ctx.value(v.name)}))`);
			const hits = await rows<Record<string, number | boolean | null>>(
				ctx.db,
				sql`SELECT __row AS r, ${join(wholes.map((v, i) => sql`${frac[i]} AS ${new Frag(`b${i}`, [])}, ${ctx.value(v.name)} AS ${new Frag(`x${i}`, [])}`))}
				    FROM data WHERE ${join(frac, ' OR ')} ORDER BY __row LIMIT ${num(ctx.params.maxCells)}`
			);
			for (const h of hits)
				wholes.forEach((v, i) => {
					if (h[`b${i}`] !== true) return;
					out.push(
						about(ctx, 'types', h.r as number, {
							variable: v.name,
							severity: 'warning',
							score: 0.5,
							message: `${v.name} = ${h[`x${i}`]} is not a whole number (format ${v.format}${labelledCodes(v).length ? ', coded answers' : ''})`,
							evidence: { value: h[`x${i}`], format: v.format }
						})
					);
				});
		}
		out.sort((a, b) => a.row! - b.row!);
		return out;
	}
});

/** Per text variable, its answers and how many of them parse as a number and as a date, from one scan. */
async function parseShares(ctx: CheckContext, names: readonly string[]): Promise<{ n: number; num: number; date: number }[]> {
	if (!names.length) return [];
	const F = (prefix: string, i: number) => new Frag(`${prefix}${i}`, []);
	const [s] = await rows<Record<string, number>>(
		ctx.db,
		sql`SELECT ${join(names.map((_, i) => sql`count(${F('x', i)}) AS ${F('n', i)}, count(TRY_CAST(${F('x', i)} AS DOUBLE)) AS ${F('num', i)}, count(TRY_CAST(${F('x', i)} AS DATE)) AS ${F('date', i)}`))}
		    FROM (SELECT ${join(names.map((name, i) => sql`${ctx.value(name)} AS ${F('x', i)}`))} FROM data)`
	);
	return names.map((_, i) => ({ n: s[`n${i}`], num: s[`num${i}`], date: s[`date${i}`] }));
}
