import { about, aboutVariable, num } from './finding';
import { ident, rows, sql } from '../sql/frag';
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
		for (const name of categoricalStrings(ctx)) {
			const x = ctx.value(name);
			const [{ d }] = await rows<{ d: number }>(ctx.db, sql`SELECT approx_count_distinct(${x}) AS d FROM data`);
			const [{ n }] = await rows<{ n: number }>(ctx.db, sql`SELECT count(${x}) AS n FROM data`);
			if (d < 2 || d > num(ctx.params.maxDistinct) * 1.1 || d > n * 0.5) continue;
			const counts = await rows<{ v: string; n: number }>(
				ctx.db,
				sql`SELECT ${x} AS v, count(*) AS n FROM data WHERE ${x} IS NOT NULL GROUP BY 1 ORDER BY 1`
			);
			if (counts.length > num(ctx.params.maxDistinct)) continue;
			for (const cluster of clusterValues(counts)) {
				const [canon, ...variants] = cluster;
				const total = cluster.reduce((s, c) => s + c.n, 0);
				out.push(
					aboutVariable('categories', name, {
						severity: 'warning',
						score: 1 - canon.n / total,
						message: `${name}: ${cluster.length} spellings of "${canon.v}" (${variants.map((c) => `"${c.v}" ×${c.n}`).join(', ')}); merge into "${canon.v}"`,
						evidence: { suggestion: canon.v, variants: Object.fromEntries(cluster.map((c) => [c.v, c.n])) }
					})
				);
				const hits = await rows<{ r: number; v: string }>(
					ctx.db,
					sql`SELECT __row AS r, ${ident(name)} AS v FROM data WHERE ${x} IN (${variants.map((c) => sql`${c.v}`).reduce((a, b) => sql`${a}, ${b}`)}) ORDER BY __row LIMIT ${num(ctx.params.maxCells)}`
				);
				for (const h of hits)
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
