import { about, fmt, num, pct } from './finding';
import { sumOf } from './missing';
import { Frag, ident, join, rows, sql } from '../sql/frag';
import { defineCheck, type CheckContext, type Finding } from './types';

/** Deterministic column subsets for locality-sensitive hashing: row pairs agreeing on a whole
 * band become candidates, so near duplicates are found without comparing all pairs. */
export function lshBands(k: number, bands: number, width: number, seed = 1): number[][] {
	let s = seed >>> 0 || 1;
	const rand = () => {
		s ^= s << 13;
		s ^= s >>> 17;
		s ^= s << 5;
		return (s >>> 0) / 4294967296;
	};
	const out: number[][] = [];
	for (let b = 0; b < bands; b++) {
		const idx = Array.from({ length: k }, (_, i) => i);
		for (let i = k - 1; i > 0; i--) {
			const j = Math.floor(rand() * (i + 1));
			[idx[i], idx[j]] = [idx[j], idx[i]];
		}
		out.push(idx.slice(0, width).sort((a, b2) => a - b2));
	}
	return out;
}

export default defineCheck({
	id: 'duplicates',
	version: 1,
	title: 'Duplicates',
	description: 'Duplicate respondent ids, exact duplicate answer vectors, and near duplicates by maximum percent match (found by LSH blocking, never all pairs).',
	category: 'fraud',
	severity: 'error',
	needs: [],
	params: {
		minAnswered: { type: 'number', default: 5, min: 1, description: 'ignore respondents with fewer answers than this' },
		nearThreshold: { type: 'number', default: 0.9, min: 0.5, max: 1, description: 'flag a maximum percent match at or above this' },
		bands: { type: 'number', default: 8, min: 1, max: 64, description: 'LSH bands (more finds more, slower)' },
		bandWidth: { type: 'number', default: 0, min: 0, description: 'variables per band (0 = automatic)' },
		maxBucket: { type: 'number', default: 20, min: 2, description: 'skip LSH buckets larger than this (mass patterns such as straight-lining)' }
	},
	async run(ctx) {
		const out: Finding[] = [];
		if (ctx.roles.id) for (const finding of await duplicateIds(ctx)) out.push(finding);
		const vars = ctx.substantive;
		if (!vars.length) return out;
		const answered = sql`${vars.length} - (${sumOf(vars.map((v) => ctx.isMissing(v)))})`;
		const minAnswered = Math.min(num(ctx.params.minAnswered), vars.length);
		const open = new Set(ctx.roles.openEnds);
		const closed = vars.map((v, i) => i).filter((i) => !open.has(vars[i]));
		const width = num(ctx.params.bandWidth) || Math.max(3, Math.min(16, Math.floor(closed.length / 2)));
		const bands = closed.length >= 4 ? lshBands(closed.length, num(ctx.params.bands), Math.min(width, closed.length)).map((b) => b.map((c) => closed[c])) : [];
		const table = new Frag(`sieve_dup_${Math.random().toString(36).slice(2, 10)}`, []);
		const v = (i: number) => `v${i}`;
		// one scan: every answer is turned into its missing-aware value once, then hashed whole and per band
		await exec(
			ctx,
			sql`CREATE TEMP TABLE ${table} AS SELECT __row, ${new Frag(`hash(${vars.map((_, i) => v(i)).join(', ')}) AS hx`, [])}${new Frag(
				bands.map((b, j) => `, hash(${b.map(v).join(', ')}) AS h${j}`).join(''),
				[]
			)}
			    FROM (SELECT __row, ${join(vars.map((name, i) => sql`${ctx.value(name)} AS ${new Frag(v(i), [])}`))} FROM data)`
		);
		try {
			const order = ctx.roles.start ? sql`d.${ident(ctx.roles.start)} NULLS LAST, m.__row` : sql`m.__row`;
			const groups = await rows<{ rs: number[] }>(
				ctx.db,
				sql`WITH dup AS (SELECT hx FROM ${table} GROUP BY hx HAVING count(*) > 1),
				m AS (SELECT t.hx, t.__row FROM ${table} t SEMI JOIN dup USING (hx))
				SELECT list(m.__row ORDER BY ${order}) AS rs FROM m JOIN data d ON d.__row = m.__row
				WHERE ${answered} >= ${minAnswered} GROUP BY m.hx HAVING count(*) > 1 ORDER BY min(m.__row)`
			);
			const exact = new Set<number>();
			for (const g of groups) {
				const [first, ...copies] = g.rs;
				exact.add(first);
				out.push(
					about(ctx, 'duplicates', first, {
						severity: 'info',
						score: 0.2,
						message: `has ${copies.length} exact duplicate${copies.length > 1 ? 's' : ''} (${copies.map((r) => ctx.respondent(r)).join(', ')})`,
						evidence: { kind: 'exact', copies: copies.map((r) => ctx.respondent(r)) }
					})
				);
				for (const r of copies) {
					exact.add(r);
					out.push(
						about(ctx, 'duplicates', r, {
							severity: 'warning',
							score: 1,
							message: `answers are an exact copy of respondent ${ctx.respondent(first)}, who started earlier`,
							evidence: { kind: 'exact', of: ctx.respondent(first) }
						})
					);
				}
			}
			if (bands.length) for (const finding of await nearDuplicates(ctx, vars, table, bands.length, minAnswered, exact)) out.push(finding);
		} finally {
			await ctx.db.exec(`DROP TABLE IF EXISTS ${table.text}`);
		}
		return out;
	}
});

async function exec(ctx: CheckContext, f: Frag): Promise<void> {
	await ctx.db.query(f.text, [...f.params]);
}

async function duplicateIds(ctx: CheckContext): Promise<Finding[]> {
	const id = ident(ctx.roles.id!);
	const groups = await rows<{ id: unknown; rs: number[] }>(
		ctx.db,
		sql`SELECT ${id}::VARCHAR AS id, list(__row ORDER BY __row) AS rs FROM data WHERE ${id} IS NOT NULL GROUP BY ${id} HAVING count(*) > 1 ORDER BY min(__row)`
	);
	return groups.flatMap((g) =>
		g.rs.map((r) =>
			about(ctx, 'duplicates', r, {
				severity: 'warning',
				score: 0.5,
				message: `id ${g.id} is used by ${g.rs.length} rows`,
				evidence: { kind: 'id', id: g.id, rows: g.rs }
			})
		)
	);
}

async function nearDuplicates(
	ctx: CheckContext,
	allVars: string[],
	table: Frag,
	bandCount: number,
	minAnswered: number,
	exact: Set<number>
): Promise<Finding[]> {
	const open = new Set(ctx.roles.openEnds);
	const vars = allVars.filter((v) => !open.has(v));
	const vals = vars.map((v) => ctx.value(v));
	const same = join(vars.map((_, i) => new Frag(`coalesce((a.v${i} = c.v${i})::INTEGER, 0)`, [])), ' + ');
	const either = join(vars.map((_, i) => new Frag(`(a.v${i} IS NOT NULL OR c.v${i} IS NOT NULL)::INTEGER`, [])), ' + ');
	const baseCols = join(vals.map((v, i) => sql`${v} AS ${new Frag(`v${i}`, [])}`));
	const threshold = num(ctx.params.nearThreshold);
	const start = ctx.roles.start ? sql`epoch(${ident(ctx.roles.start)})` : sql`NULL::DOUBLE`;
	const pairs = await rows<{ r1: number; r2: number; same: number; either: number; s1: number | null; s2: number | null }>(
		ctx.db,
		sql`WITH bands AS (${join(Array.from({ length: bandCount }, (_, b) => new Frag(`SELECT ${b} AS b, h${b} AS h, __row FROM ${table.text}`, [])), ' UNION ALL ')}),
		kept AS (SELECT b, h FROM bands GROUP BY b, h HAVING count(*) BETWEEN 2 AND ${num(ctx.params.maxBucket)}),
		members AS (SELECT bands.* FROM bands SEMI JOIN kept USING (b, h)),
		pairs AS (SELECT DISTINCT x.__row AS r1, y.__row AS r2 FROM members x JOIN members y ON x.b = y.b AND x.h = y.h AND x.__row < y.__row),
		base AS (SELECT __row, ${start} AS s, ${baseCols} FROM data WHERE __row IN (SELECT r1 FROM pairs UNION SELECT r2 FROM pairs)),
		scored AS (SELECT p.r1, p.r2, a.s AS s1, c.s AS s2, ${same} AS same, ${either} AS either
		           FROM pairs p JOIN base a ON a.__row = p.r1 JOIN base c ON c.__row = p.r2)
		SELECT r1, r2, s1, s2, same, either FROM scored WHERE either >= ${minAnswered} AND same < either AND same >= ${threshold} * either`
	);
	const best = new Map<number, { other: number; match: number; same: number; either: number }>();
	for (const p of pairs) {
		const m = p.same / p.either;
		for (const [r, o] of [
			[p.r1, p.r2],
			[p.r2, p.r1]
		]) {
			const cur = best.get(r);
			if (!cur || m > cur.match || (m === cur.match && o < cur.other)) best.set(r, { other: o, match: m, same: p.same, either: p.either });
		}
	}
	const out: Finding[] = [];
	const startOf = new Map<number, number>();
	for (const p of pairs) {
		if (p.s1 !== null) startOf.set(p.r1, p.s1);
		if (p.s2 !== null) startOf.set(p.r2, p.s2);
	}
	const later = (a: number, b: number) => {
		const sa = startOf.get(a);
		const sb = startOf.get(b);
		return sa !== undefined && sb !== undefined && sa !== sb ? sa > sb : a > b;
	};
	for (const r of [...best.keys()].sort((a, b) => a - b)) {
		if (exact.has(r)) continue;
		const b = best.get(r)!;
		out.push(
			about(ctx, 'duplicates', r, {
				severity: later(r, b.other) ? 'warning' : 'info',
				score: 0.4 + 0.6 * ((b.match - threshold) / Math.max(1e-9, 1 - threshold)),
				message: `${pct(b.match)} of answers match respondent ${ctx.respondent(b.other)} (${b.same} of ${b.either})`,
				evidence: { kind: 'near', maxPercentMatch: Number(fmt(b.match, 4)), with: ctx.respondent(b.other) }
			})
		);
	}
	return out;
}
