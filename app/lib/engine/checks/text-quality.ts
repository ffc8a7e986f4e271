import { about, num } from './finding';
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
		for (const name of ctx.roles.openEnds) {
			const { rows, texts, features } = await ctx.openEnd(name);
			for (let i = 0; i < rows.length; i++) {
				const f = features[i];
				if (f.nonAnswer) {
					if (ctx.params.flagNonAnswers)
						out.push(
							about(ctx, 'text-quality', rows[i], {
								variable: name,
								severity: 'warning',
								score: 0.3,
								message: `${name}: non-answer ${quote(texts[i])}`,
								evidence: { kind: 'non-answer', text: texts[i] }
							})
						);
				} else if (f.gibberish >= threshold) {
					out.push(
						about(ctx, 'text-quality', rows[i], {
							variable: name,
							severity: 'warning',
							score: f.gibberish,
							message: `${name}: looks like gibberish ${quote(texts[i])} (${f.gibberishReason})`,
							evidence: { kind: 'gibberish', text: texts[i], reason: f.gibberishReason, score: f.gibberish }
						})
					);
				}
			}
		}
		out.sort((a, b) => a.row! - b.row!);
		return out;
	}
});
