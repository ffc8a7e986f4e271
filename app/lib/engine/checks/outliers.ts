import { chiSquareQuantile } from '../careless';
import { invertMatrix } from '../careless/invert';
import { labelledCodes } from './range';
import { about, fmt, num } from './finding';
import { Frag, join, rows, sql } from '../sql/frag';
import { defineCheck, type CheckContext, type Finding } from './types';

/** Numeric answers measured on a scale: not grid items, not labelled codes, not paradata. */
export function scaleVariables(ctx: CheckContext, stats?: Map<string, number>): string[] {
	const grid = new Set(ctx.roles.grids.flatMap((g) => g.items));
	const numeric = new Map(ctx.dictionary.variables.filter((v) => v.type === 'numeric').map((v) => [v.name, v]));
	return ctx.substantive.filter((n) => {
		const v = numeric.get(n);
		if (!v || grid.has(n)) return false;
		if (labelledCodes(v).length >= 2 && v.measure !== 'scale') return false;
		return v.measure === 'scale' || (stats?.get(n) ?? 99) >= 8;
	});
}

export default defineCheck({
	id: 'outliers',
	version: 1,
	title: 'Outliers',
	description:
		'Univariate outliers by robust z (median and MAD; IQR fences when the MAD is 0) and multivariate outliers by Mahalanobis D² over the scale variables.',
	category: 'validity',
	severity: 'info',
	needs: ['numbers'],
	params: {
		z: { type: 'number', default: 3.5, min: 1, description: 'flag |robust z| above this' },
		iqrFactor: { type: 'number', default: 3, min: 0.5, description: 'IQR fence multiplier when the MAD is 0' },
		mahalanobisP: { type: 'number', default: 0.999, min: 0.5, max: 0.999999, description: 'flag D² above this χ² quantile' },
		maxMultivariate: { type: 'number', default: 20, min: 2, description: 'at most this many variables in the multivariate distance' }
	},
	async run(ctx) {
		const numeric = ctx.dictionary.variables.filter((v) => v.type === 'numeric' && ctx.substantive.includes(v.name));
		if (!numeric.length) return [];
		const [d] = await rows<Record<string, number>>(
			ctx.db,
			sql`SELECT ${join(numeric.map((v, i) => sql`approx_count_distinct(${ctx.value(v.name)}) AS ${new Frag(`d${i}`, [])}`))} FROM data`
		);
		const vars = scaleVariables(ctx, new Map(numeric.map((v, i) => [v.name, d[`d${i}`]])));
		if (!vars.length) return [];
		const [s] = await rows<Record<string, number | null>>(
			ctx.db,
			sql`SELECT ${join(
				vars.map((v, i) => {
					const x = ctx.value(v);
					const p = (n: string) => new Frag(`${n}${i}`, []);
					return sql`median(${x}) AS ${p('med')}, mad(${x}) AS ${p('mad')}, quantile_cont(${x}, 0.25) AS ${p('q1')}, quantile_cont(${x}, 0.75) AS ${p('q3')}`;
				})
			)} FROM data`
		);
		const z = num(ctx.params.z);
		const k = num(ctx.params.iqrFactor);
		const selects: Frag[] = [];
		const info: { v: string; how: string; med: number; scale: number; lo: number; hi: number }[] = [];
		vars.forEach((v, i) => {
			const med = s[`med${i}`];
			const mad = s[`mad${i}`];
			const q1 = s[`q1${i}`];
			const q3 = s[`q3${i}`];
			if (med === null || mad === null || q1 === null || q3 === null) return;
			let lo: number, hi: number, how: string, scale: number;
			if (mad > 0) {
				scale = 1.4826 * mad;
				lo = med - z * scale;
				hi = med + z * scale;
				how = 'robust z';
			} else if (q3 > q1) {
				scale = q3 - q1;
				lo = q1 - k * scale;
				hi = q3 + k * scale;
				how = 'IQR';
			} else return;
			const idx = info.length;
			info.push({ v, how, med, scale, lo, hi });
			const x = ctx.value(v);
			selects.push(sql`SELECT ${idx} AS i, __row AS r, ${x}::DOUBLE AS x FROM data WHERE ${x} < ${lo} OR ${x} > ${hi}`);
		});
		const out: Finding[] = [];
		if (selects.length) {
			const hits = await rows<{ i: number; r: number; x: number }>(ctx.db, sql`${join(selects, ' UNION ALL ')} ORDER BY r, i`);
			for (const h of hits) {
				const f = info[h.i];
				const rz = (h.x - f.med) / f.scale;
				out.push(
					about(ctx, 'outliers', h.r, {
						variable: f.v,
						severity: 'info',
						score: Math.min(1, Math.abs(rz) / (4 * z)),
						message:
							f.how === 'robust z'
								? `${f.v} = ${fmt(h.x, 6)} is ${fmt(Math.abs(rz))} robust SDs ${rz > 0 ? 'above' : 'below'} the median ${fmt(f.med, 6)}`
								: `${f.v} = ${fmt(h.x, 6)} is outside the IQR fences ${fmt(f.lo, 6)}–${fmt(f.hi, 6)}`,
						evidence: { value: h.x, median: f.med, method: f.how, robustZ: rz }
					})
				);
			}
		}
		const mv = vars.slice(0, num(ctx.params.maxMultivariate));
		if (mv.length >= 2) for (const finding of await mahalanobis(ctx, mv)) out.push(finding);
		out.sort((a, b) => a.row! - b.row!);
		return out;
	}
});

async function mahalanobis(ctx: CheckContext, vars: string[]): Promise<Finding[]> {
	const p = vars.length;
	const x = vars.map((v) => ctx.value(v));
	const complete = join(
		x.map((e) => sql`${e} IS NOT NULL`),
		' AND '
	);
	const aggs: Frag[] = [];
	x.forEach((e, i) => aggs.push(sql`avg(${e}) AS ${new Frag(`m${i}`, [])}`));
	for (let i = 0; i < p; i++) for (let j = i; j < p; j++) aggs.push(sql`covar_samp(${x[i]}, ${x[j]}) AS ${new Frag(`c${i}_${j}`, [])}`);
	const [a] = await rows<Record<string, number | null>>(ctx.db, sql`SELECT count(*) AS n, ${join(aggs)} FROM data WHERE ${complete}`);
	if ((a.n ?? 0) < p * 10) return [];
	const cov = new Float64Array(p * p);
	for (let i = 0; i < p; i++)
		for (let j = i; j < p; j++) {
			const c = a[`c${i}_${j}`] ?? NaN;
			cov[i * p + j] = c;
			cov[j * p + i] = c;
		}
	const inv = invertMatrix(cov, p);
	if (!('inverse' in inv)) return [];
	const means = x.map((_, i) => a[`m${i}`] ?? 0);
	const terms: Frag[] = [];
	for (let i = 0; i < p; i++)
		for (let j = i; j < p; j++) {
			const w = inv.inverse[i * p + j] * (i === j ? 1 : 2);
			if (w !== 0) terms.push(sql`${w} * (${x[i]} - ${means[i]}) * (${x[j]} - ${means[j]})`);
		}
	const cutoff = chiSquareQuantile(num(ctx.params.mahalanobisP), p);
	const hits = await rows<{ r: number; d2: number }>(
		ctx.db,
		sql`SELECT r, d2 FROM (SELECT __row AS r, ${join(terms, ' + ')} AS d2 FROM data WHERE ${complete}) WHERE d2 > ${cutoff} ORDER BY r`
	);
	return hits.map((h) =>
		about(ctx, 'outliers', h.r, {
			severity: 'info',
			score: Math.min(1, h.d2 / (cutoff * 4)),
			message: `unusual combination of ${vars.join(', ')}: Mahalanobis D² ${fmt(h.d2, 3)} above the χ² cut-off ${fmt(cutoff, 3)}`,
			evidence: { d2: h.d2, cutoff, variables: vars }
		})
	);
}
