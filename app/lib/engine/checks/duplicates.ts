import { oneIn } from '../stats/chance';
import { answerShares, dependenceOf } from './duplicates/answers';
import { exactFindings } from './duplicates/exact';
import type { Judge } from './duplicates/judge';
import { nearFindings, nearPairs } from './duplicates/near';
import { about, aboutVariable, fmt, num } from './finding';
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

/**
 * Identical or nearly identical answers are evidence of a copy only when chance would rarely produce
 * them: with 9 coarse variables thousands of honest respondents share an answer vector. From each
 * answer's share among the other respondents, the expected number of others matching this closely is
 * (n − 1) · P(match), with P = Π shares for an exact copy (a missing answer counts as an answer there,
 * so a common skip or break-off pattern is no evidence) and the Poisson-binomial tail of at least
 * `same` agreements for a near copy (a missing answer never agrees, as in the percent match). The
 * (n − 1) factor is the respondent's own multiple comparisons, so `alpha` bounds the share of an
 * honest file's respondents flagged; independence understates how alike correlated answers make
 * people, so log P is divided by a dependence factor measured on random pairs (or set by CONFIG).
 */
export default defineCheck({
	id: 'duplicates',
	version: 2,
	title: 'Duplicates',
	description:
		'Duplicate respondent ids, exact duplicate answer vectors, and near duplicates by maximum percent match (found by LSH blocking, never all pairs); a copy is flagged only when a match that close is unlikely by chance given how common the answers are.',
	category: 'fraud',
	severity: 'error',
	needs: [],
	params: {
		minAnswered: { type: 'number', default: 5, min: 1, description: 'ignore respondents with fewer answers than this' },
		nearThreshold: { type: 'number', default: 0.9, min: 0.5, max: 1, description: 'consider a maximum percent match at or above this' },
		alpha: {
			type: 'number',
			default: 0.001,
			min: 0,
			max: 1,
			description:
				"flag a copy only when a match that close happens by chance for fewer than this share of respondents (so about this share of an honest file's respondents is flagged at most)"
		},
		dependence: {
			type: 'number',
			default: 0,
			min: 0,
			description:
				'correction for correlated answers: 0 = estimate from random pairs of respondents, 1 = treat answers as independent, larger = more conservative'
		},
		bands: { type: 'number', default: 8, min: 1, max: 64, description: 'LSH bands (more finds more, slower)' },
		bandWidth: { type: 'number', default: 0, min: 0, description: 'variables per band (0 = automatic)' },
		maxBucket: {
			type: 'number',
			default: 20,
			min: 2,
			description: 'skip LSH buckets larger than this (mass patterns such as straight-lining)'
		}
	},
	async run(ctx) {
		const out: Finding[] = [];
		const idColumn = ctx.roles.idLike ?? ctx.roles.id;
		if (idColumn) for (const finding of await duplicateIds(ctx, idColumn)) out.push(finding);
		const vars = ctx.substantive;
		if (!vars.length) return out;
		const minAnswered = Math.min(num(ctx.params.minAnswered), vars.length);
		const open = new Set(ctx.roles.openEnds);
		const closed = vars.map((v, i) => i).filter((i) => !open.has(vars[i]));
		const width = num(ctx.params.bandWidth) || Math.max(3, Math.min(16, Math.floor(closed.length / 2)));
		const bands =
			closed.length >= 4
				? lshBands(closed.length, num(ctx.params.bands), Math.min(width, closed.length)).map((b) => b.map((c) => closed[c]))
				: [];
		const table = new Frag(`sieve_dup_${Math.random().toString(36).slice(2, 10)}`, []);
		const v = (i: number) => `v${i}`;
		// one scan: every answer is turned into its missing-aware value once, then counted, hashed whole and per band
		await exec(
			ctx,
			sql`CREATE TEMP TABLE ${table} AS SELECT __row, ${new Frag(`(${vars.map((_, i) => `(${v(i)} IS NOT NULL)::INTEGER`).join(' + ')})::SMALLINT AS answered, hash(${vars.map((_, i) => v(i)).join(', ')}) AS hx`, [])}${new Frag(
				bands.map((b, j) => `, hash(${b.map(v).join(', ')}) AS h${j}`).join(''),
				[]
			)}
			    FROM (SELECT __row, ${join(vars.map((name, i) => sql`${ctx.value(name)} AS ${new Frag(v(i), [])}`))} FROM data)`
		);
		try {
			const start = ctx.roles.start ? sql`epoch(d.${ident(ctx.roles.start)})` : sql`NULL::DOUBLE`;
			const order = ctx.roles.start ? sql`d.${ident(ctx.roles.start)} NULLS LAST, m.__row` : sql`m.__row`;
			const [{ n }] = await rows<{ n: number }>(ctx.db, sql`SELECT count(*) AS n FROM ${table}`);
			// a missing start time travels as NaN: a list of numbers read from Arrow loses its nulls
			const groups = await rows<{ rs: number[]; ss: (number | null)[] }>(
				ctx.db,
				sql`WITH dup AS (SELECT hx FROM ${table} GROUP BY hx HAVING count(*) > 1),
				m AS (SELECT t.hx, t.__row FROM ${table} t SEMI JOIN dup USING (hx) WHERE t.answered >= ${minAnswered})
				SELECT list(m.__row ORDER BY ${order}) AS rs, list(coalesce(${start}, 'NaN'::DOUBLE) ORDER BY ${order}) AS ss FROM m JOIN data d ON d.__row = m.__row
				GROUP BY m.hx HAVING count(*) > 1 ORDER BY min(m.__row)`
			);
			const exact = new Set(groups.flatMap((g) => g.rs));
			const pairs = bands.length ? await nearPairs(ctx, vars, table, bands.length, minAnswered) : [];
			const candidates = new Set([...groups.map((g) => g.rs[0]), ...pairs.flatMap((p) => [p.r1, p.r2])]);
			const shares = await answerShares(
				ctx,
				vars,
				[...candidates].sort((a, b) => a - b),
				n
			);
			const dependence =
				num(ctx.params.dependence) ||
				(candidates.size
					? (
							await dependenceOf(
								ctx,
								closed.map((i) => vars[i]),
								n
							)
						).factor
					: 1);
			const judge = { alpha: num(ctx.params.alpha), n, dependence, hasStart: !!ctx.roles.start };
			const quiet = { exact: 0, near: 0 };
			for (const g of groups) quiet.exact += exactFindings(ctx, g, shares.get(g.rs[0]), judge, out);
			quiet.near = nearFindings(ctx, pairs, closed, shares, exact, judge, out);
			if (quiet.exact + quiet.near) out.push(chanceSummary(quiet, vars.length, judge));
		} finally {
			await ctx.db.exec(`DROP TABLE IF EXISTS ${table.text}`);
		}
		return out;
	}
});

async function exec(ctx: CheckContext, f: Frag): Promise<void> {
	await ctx.db.query(f.text, [...f.params]);
}

async function duplicateIds(ctx: CheckContext, column: string): Promise<Finding[]> {
	const id = ident(column);
	const groups = await rows<{ id: unknown; rs: number[] }>(
		ctx.db,
		sql`SELECT ${id} AS id, list(__row ORDER BY __row) AS rs FROM data WHERE ${id} IS NOT NULL GROUP BY ${id} HAVING count(*) > 1 ORDER BY min(__row)`
	);
	return groups.flatMap((g) =>
		g.rs.map((r) =>
			about(ctx, 'duplicates', r, {
				severity: 'warning',
				score: 0.5,
				message: `${column} ${String(g.id)} is used by ${g.rs.length} rows`,
				evidence: { kind: 'id', id: g.id, rows: g.rs }
			})
		)
	);
}

/** One dataset-level note of the matches left unflagged, so a reviewer sees why they are not in review. */
function chanceSummary(quiet: { exact: number; near: number }, k: number, j: Judge): Finding {
	const parts = [
		quiet.exact ? `${quiet.exact} respondent${quiet.exact > 1 ? 's' : ''} repeat another's answers exactly` : '',
		quiet.near ? `${quiet.near} match another's closely` : ''
	].filter(Boolean);
	return aboutVariable('duplicates', undefined, {
		severity: 'info',
		score: 0,
		message: `${parts.join(' and ')}, but with answers this common on ${k} variables such matches are expected by chance (${j.alpha > 0 ? `each for more than ${oneIn(j.alpha).replace(/^about /, '')} respondents, alpha ${j.alpha}` : 'alpha 0 flags none'}), so they are not flagged`,
		evidence: { kind: 'chance', exact: quiet.exact, near: quiet.near, alpha: j.alpha, dependence: Number(fmt(j.dependence, 3)) }
	});
}
