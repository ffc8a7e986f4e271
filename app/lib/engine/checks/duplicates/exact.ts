import { exactChance } from '../../stats/chance';
import { about } from '../finding';
import type { CheckContext, Finding } from '../types';
import type { Shares } from './answers';
import { chanceEvidence, chanceWords, relation, type Judge } from './judge';

/** Findings of one exact group when its answers are unlikely to be shared by chance; else the number of copies left unflagged. */
export function exactFindings(
	ctx: CheckContext,
	g: { rs: number[]; ss: (number | null)[] },
	s: Shares | undefined,
	j: Judge,
	out: Finding[]
): number {
	const [first, ...copies] = g.rs;
	const c = exactChance(s?.shares ?? [], j.n, j.dependence);
	if (!s || !(c.chance < j.alpha)) return copies.length;
	out.push(
		about(ctx, 'duplicates', first, {
			severity: 'info',
			score: 0.2,
			message: `has ${copies.length} exact duplicate${copies.length > 1 ? 's' : ''} (${copies.map((r) => ctx.respondent(r)).join(', ')}); ${chanceWords(c)}`,
			evidence: { kind: 'exact', copies: copies.map((r) => ctx.respondent(r)), ...chanceEvidence(c, j) }
		})
	);
	copies.forEach((r, k) => {
		const who = relation(j, { row: r, start: g.ss[k + 1] }, { row: first, start: g.ss[0] });
		out.push(
			about(ctx, 'duplicates', r, {
				severity: 'warning',
				score: 1,
				message: `answers are an exact copy of respondent ${ctx.respondent(first)}${who.includes('earlier') ? who : ''}; ${chanceWords(c)}`,
				evidence: { kind: 'exact', of: ctx.respondent(first), ...chanceEvidence(c, j) }
			})
		);
	});
	return 0;
}
