import { about, num } from './finding';
import { ident, rows, sql } from '../sql/frag';
import { gibberishScore } from '../text/gibberish';
import { defineCheck, type Finding } from './types';

const quote = (t: string) => JSON.stringify(t.length > 60 ? `${t.slice(0, 57)}…` : t);

export default defineCheck({
	id: 'text-quality',
	version: 1,
	title: 'Open-end text quality',
	description:
		'Gibberish and keyboard mashing (letter-pair plausibility, keyboard runs, repeats, vowels) and non-answers such as "n/a" or "idk" in open ends.',
	category: 'text',
	severity: 'warning',
	needs: ['open-ends'],
	params: {
		gibberishThreshold: { type: 'number', default: 0.7, min: 0, max: 1, description: 'flag answers scoring at least this as gibberish' },
		flagNonAnswers: { type: 'boolean', default: true, description: 'report non-answers ("n/a", "idk", "-")' }
	},
	async run(ctx) {
		const out: Finding[] = [];
		const threshold = num(ctx.params.gibberishThreshold);
		const reasons = new Map<string, string | null>();
		for (const name of ctx.roles.openEnds) {
			const features = await ctx.answerFeatures(name);
			const hits = await rows<{ r: number; t: string; non_answer: boolean; gibberish: number }>(
				ctx.db,
				sql`SELECT f.r, d.${ident(name)}::VARCHAR AS t, f.non_answer, f.gibberish FROM ${features} f JOIN data d ON d.__row = f.r
				    WHERE (f.non_answer AND ${Boolean(ctx.params.flagNonAnswers)}) OR (NOT f.non_answer AND f.gibberish >= ${threshold}) ORDER BY f.r`
			);
			for (const { r, t, non_answer, gibberish } of hits) {
				if (non_answer) {
					out.push(
						about(ctx, 'text-quality', r, {
							variable: name,
							severity: 'warning',
							score: 0.3,
							message: `${name}: non-answer ${quote(t)}`,
							evidence: { kind: 'non-answer', text: t }
						})
					);
					continue;
				}
				if (!reasons.has(t)) reasons.set(t, gibberishScore(t.trim()).reason);
				const reason = reasons.get(t);
				out.push(
					about(ctx, 'text-quality', r, {
						variable: name,
						severity: 'warning',
						score: gibberish,
						message: `${name}: looks like gibberish ${quote(t)} (${reason})`,
						evidence: { kind: 'gibberish', text: t, reason, score: gibberish }
					})
				);
			}
		}
		out.sort((a, b) => a.row! - b.row!);
		return out;
	}
});
