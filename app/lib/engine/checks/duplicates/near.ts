import { nearChance, type Chance } from '../../stats/chance';
import { about, fmt, num, pct } from '../finding';
import { Frag, ident, join, rows, sql } from '../../sql/frag';
import type { CheckContext, Finding } from '../types';
import type { Shares } from './answers';
import { chanceEvidence, chanceWords, relation, type Judge } from './judge';

export interface Pair {
	r1: number;
	r2: number;
	same: number;
	either: number;
	s1: number | null;
	s2: number | null;
}

/** Candidate pairs from LSH buckets, scored on every closed answer, at or above the percent-match threshold. */
export async function nearPairs(
	ctx: CheckContext,
	allVars: string[],
	table: Frag,
	bandCount: number,
	minAnswered: number
): Promise<Pair[]> {
	const open = new Set(ctx.roles.openEnds);
	const vars = allVars.filter((v) => !open.has(v));
	const vals = vars.map((v) => ctx.value(v));
	const same = join(
		vars.map((_, i) => new Frag(`coalesce((a.v${i} = c.v${i})::INTEGER, 0)`, [])),
		' + '
	);
	const either = join(
		vars.map((_, i) => new Frag(`(a.v${i} IS NOT NULL OR c.v${i} IS NOT NULL)::INTEGER`, [])),
		' + '
	);
	const baseCols = join(vals.map((v, i) => sql`${v} AS ${new Frag(`v${i}`, [])}`));
	const threshold = num(ctx.params.nearThreshold);
	const start = ctx.roles.start ? sql`epoch(${ident(ctx.roles.start)})` : sql`NULL::DOUBLE`;
	return rows<Pair>(
		ctx.db,
		sql`WITH bands AS (${join(
			Array.from({ length: bandCount }, (_, b) => new Frag(`SELECT ${b} AS b, h${b} AS h, __row FROM ${table.text}`, [])),
			' UNION ALL '
		)}),
		kept AS (SELECT b, h FROM bands GROUP BY b, h HAVING count(*) BETWEEN 2 AND ${num(ctx.params.maxBucket)}),
		members AS (SELECT bands.* FROM bands SEMI JOIN kept USING (b, h)),
		pairs AS (SELECT DISTINCT x.__row AS r1, y.__row AS r2 FROM members x JOIN members y ON x.b = y.b AND x.h = y.h AND x.__row < y.__row),
		base AS (SELECT __row, ${start} AS s, ${baseCols} FROM data WHERE __row IN (SELECT r1 FROM pairs UNION SELECT r2 FROM pairs)),
		scored AS (SELECT p.r1, p.r2, a.s AS s1, c.s AS s2, ${same} AS same, ${either} AS either
		           FROM pairs p JOIN base a ON a.__row = p.r1 JOIN base c ON c.__row = p.r2)
		SELECT r1, r2, s1, s2, same, either FROM scored WHERE either >= ${minAnswered} AND same < either AND same >= ${threshold} * either ORDER BY r1, r2`
	);
}

/** Chance that another respondent matches at least `same` of this one's closed answers (a missing answer never matches). */
function pairChance(s: Shares | undefined, closed: number[], same: number, j: Judge): Chance {
	if (!s) return { expected: Infinity, chance: 1 };
	return nearChance(
		closed.map((i) => (s.missing[i] ? 0 : s.shares[i])),
		same,
		j.n,
		j.dependence
	);
}

/** Near-duplicate findings (the most unlikely match of each respondent); returns how many respondents matched closely but not unlikely so. */
export function nearFindings(
	ctx: CheckContext,
	pairs: Pair[],
	closed: number[],
	shares: Map<number, Shares>,
	exact: Set<number>,
	j: Judge,
	out: Finding[]
): number {
	const threshold = num(ctx.params.nearThreshold);
	const best = new Map<
		number,
		{ other: number; match: number; same: number; either: number; c: Chance; start: number | null; otherStart: number | null }
	>();
	const quiet = new Set<number>();
	for (const p of pairs) {
		const a = pairChance(shares.get(p.r1), closed, p.same, j);
		const b = pairChance(shares.get(p.r2), closed, p.same, j);
		// conditioned on either respondent's answers; the likelier of the two, to stay conservative
		const c = a.chance >= b.chance ? a : b;
		const m = p.same / p.either;
		for (const [r, o, sr, so] of [
			[p.r1, p.r2, p.s1, p.s2],
			[p.r2, p.r1, p.s2, p.s1]
		] as const) {
			if (exact.has(r)) continue;
			if (!(c.chance < j.alpha)) {
				quiet.add(r);
				continue;
			}
			const cur = best.get(r);
			if (!cur || c.chance < cur.c.chance || (c.chance === cur.c.chance && (m > cur.match || (m === cur.match && o < cur.other))))
				best.set(r, { other: o, match: m, same: p.same, either: p.either, c, start: sr, otherStart: so });
		}
	}
	for (const r of [...best.keys()].sort((a, b) => a - b)) {
		const b = best.get(r)!;
		const who = relation(j, { row: r, start: b.start }, { row: b.other, start: b.otherStart });
		out.push(
			about(ctx, 'duplicates', r, {
				severity: who.includes('earlier') ? 'warning' : 'info',
				score: 0.4 + 0.6 * ((b.match - threshold) / Math.max(1e-9, 1 - threshold)),
				message: `${pct(b.match)} of answers match respondent ${ctx.respondent(b.other)} (${b.same} of ${b.either})${who}; ${chanceWords(b.c)}`,
				evidence: { kind: 'near', maxPercentMatch: Number(fmt(b.match, 4)), with: ctx.respondent(b.other), ...chanceEvidence(b.c, j) }
			})
		);
	}
	return [...quiet].filter((r) => !best.has(r)).length;
}
