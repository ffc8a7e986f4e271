import { about, aboutVariable, num } from './finding';
import { Frag, ident, join, rows, sql } from '../sql/frag';
import { defineCheck, type CheckContext, type Finding } from './types';

/** OpenRefine-style key: lower case, no accents or punctuation, tokens sorted and unique. */
export function fingerprint(s: string): string {
	const t = s
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
	return [...new Set(t.split(' '))].sort().join(' ');
}

export function ngramFingerprint(s: string, n = 2): string {
	const t = fingerprint(s).replace(/ /g, '');
	const grams = new Set<string>();
	for (let i = 0; i + n <= t.length; i++) grams.add(t.slice(i, i + n));
	return [...grams].sort().join('');
}

/** Edit distance with adjacent transpositions (optimal string alignment); stops early past `max`. */
export function levenshtein(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
	for (let j = 0; j <= b.length; j++) d[0][j] = j;
	for (let i = 1; i <= a.length; i++) {
		let best = Infinity;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
			d[i][j] = v;
			best = Math.min(best, v);
		}
		if (best > max) return max + 1;
	}
	return d[a.length][b.length];
}

/** Groups spelling variants of one category: same fingerprint, same bigram fingerprint, or a small edit distance. */
export function clusterValues(counts: { v: string; n: number }[]): { v: string; n: number }[][] {
	const parent = counts.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	const union = (a: number, b: number) => {
		parent[find(a)] = find(b);
	};
	for (const key of [fingerprint, (s: string) => ngramFingerprint(s)]) {
		const seen = new Map<string, number>();
		counts.forEach((c, i) => {
			const k = key(c.v);
			if (k.length < 4) return;
			const j = seen.get(k);
			if (j === undefined) seen.set(k, i);
			else union(i, j);
		});
	}
	const fps = counts.map((c) => fingerprint(c.v));
	for (let i = 0; i < counts.length; i++)
		for (let j = i + 1; j < counts.length; j++) {
			const len = Math.min(fps[i].length, fps[j].length);
			const max = len >= 8 ? 2 : len >= 4 ? 1 : 0;
			if (max && !/\d/.test(fps[i] + fps[j]) && levenshtein(fps[i], fps[j], max) <= max) union(i, j);
		}
	const groups = new Map<number, { v: string; n: number }[]>();
	counts.forEach((c, i) => {
		const r = find(i);
		groups.set(r, [...(groups.get(r) ?? []), c]);
	});
	return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((a, b) => b.n - a.n || (a.v < b.v ? -1 : 1)));
}

export function categoricalStrings(ctx: CheckContext): string[] {
	const skip = new Set([...ctx.roles.openEnds]);
	return ctx.dictionary.variables
		.filter((v) => v.type === 'string' && ctx.substantive.includes(v.name) && !skip.has(v.name))
		.map((v) => v.name);
}

export default defineCheck({
	id: 'categories',
	version: 1,
	title: 'Inconsistent categories',
	description:
		'Spelling variants of one category in a text variable ("Male", "male ", "MALE", "Mlae"), clustered by fingerprint, n-gram fingerprint and edit distance, with a suggested merge.',
	category: 'validity',
	severity: 'info',
	needs: ['strings'],
	params: {
		maxDistinct: { type: 'number', default: 500, min: 2, description: 'only text variables with at most this many distinct values' },
		maxCells: { type: 'number', default: 10000, min: 0, description: 'at most this many answer-level findings per variable' }
	},
	async run(ctx) {
		const out: Finding[] = [];
		const names = categoricalStrings(ctx);
		if (!names.length) return out;
		const maxDistinct = num(ctx.params.maxDistinct);
		const [s] = await rows<Record<string, number>>(
			ctx.db,
			sql`SELECT ${join(names.map((name, i) => sql`approx_count_distinct(${ctx.value(name)}) AS ${col('d', i)}, count(${ctx.value(name)}) AS ${col('n', i)}`))} FROM data`
		);
		const kept = names.filter((_, i) => s[`d${i}`] >= 2 && s[`d${i}`] <= maxDistinct * 1.1 && s[`d${i}`] <= s[`n${i}`] * 0.5);
		const counts = await valueCounts(ctx, kept);
		for (const [i, name] of kept.entries()) {
			if (counts[i].length > maxDistinct) continue;
			const clusters = clusterValues(counts[i]);
			const hits = new Map<number, { r: number; v: string }[]>();
			for (const h of await variantRows(ctx, name, clusters)) {
				const list = hits.get(h.k) ?? [];
				list.push(h);
				hits.set(h.k, list);
			}
			for (const [k, cluster] of clusters.entries()) {
				const [canon, ...variants] = cluster;
				const total = cluster.reduce((sum, c) => sum + c.n, 0);
				out.push(
					aboutVariable('categories', name, {
						severity: 'warning',
						score: 1 - canon.n / total,
						message: `${name}: ${cluster.length} spellings of "${canon.v}" (${variants.map((c) => `"${c.v}" ×${c.n}`).join(', ')}); merge into "${canon.v}"`,
						evidence: { suggestion: canon.v, variants: Object.fromEntries(cluster.map((c) => [c.v, c.n])) }
					})
				);
				for (const h of hits.get(k) ?? [])
					out.push(
						about(ctx, 'categories', h.r, {
							variable: name,
							severity: 'warning',
							score: 0.1,
							message: `${name} = "${h.v}" is a variant of "${canon.v}"`,
							evidence: { value: h.v, suggestion: canon.v }
						})
					);
			}
		}
		return out;
	}
});

const col = (prefix: string, i: number): Frag => new Frag(`${prefix}${i}`, []);

/** Each variable's answers with their counts, ordered by answer, from one scan: a grouping set per variable. */
async function valueCounts(ctx: CheckContext, names: readonly string[]): Promise<{ v: string; n: number }[][]> {
	const out: { v: string; n: number }[][] = names.map(() => []);
	if (!names.length) return out;
	const vs = names.map((_, i) => col('v', i));
	const which = join(
		vs.map((v, i) => sql`WHEN ${v} IS NOT NULL THEN ${new Frag(String(i), [])}`),
		' '
	);
	const grouped = await rows<{ j: number | null; v: string; n: number }>(
		ctx.db,
		sql`SELECT j, v, n FROM (SELECT CASE ${which} END AS j, coalesce(${join(vs)}) AS v, count AS n
		    FROM (SELECT ${join(vs)}, count(*) AS count FROM (SELECT ${join(names.map((name, i) => sql`${ctx.value(name)} AS ${vs[i]}`))} FROM data)
		          GROUP BY GROUPING SETS (${join(vs.map((v) => sql`(${v})`))})))
		    WHERE j IS NOT NULL ORDER BY j, v`
	);
	for (const g of grouped) out[g.j!].push({ v: g.v, n: g.n });
	return out;
}

/** The rows answering a variant (every cluster member but its first), the first `maxCells` per cluster, from one scan. */
async function variantRows(ctx: CheckContext, name: string, clusters: { v: string }[][]): Promise<{ k: number; r: number; v: string }[]> {
	const variants = clusters.flatMap((cluster, k) => cluster.slice(1).map((c) => sql`(${k}, ${c.v})`));
	if (!variants.length) return [];
	return rows(
		ctx.db,
		sql`SELECT k, r, v FROM (SELECT m.k::INTEGER AS k, d.r, d.v, row_number() OVER (PARTITION BY m.k ORDER BY d.r) AS rank
		    FROM (SELECT __row AS r, ${ident(name)} AS v, ${ctx.value(name)} AS x FROM data) d JOIN (VALUES ${join(variants)}) m(k, x) USING (x))
		    WHERE rank <= ${num(ctx.params.maxCells)} ORDER BY k, r`
	);
}
