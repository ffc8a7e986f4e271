import { about, aboutVariable, num, pct } from './finding';
import { defineCheck, type Finding } from './types';

export default defineCheck({
	id: 'sentiment',
	version: 1,
	title: 'Open-end sentiment',
	description:
		'Lexicon sentiment of each open end (English, German, French, Spanish) with negation and intensifiers; strongly worded answers are listed for review.',
	category: 'text',
	severity: 'info',
	needs: ['open-ends'],
	params: {
		strong: { type: 'number', default: 0.75, min: 0, max: 1, description: 'list answers with |sentiment| at or above this' },
		maxCells: { type: 'number', default: 5000, min: 0, description: 'at most this many listed answers per open end' }
	},
	async run(ctx) {
		const out: Finding[] = [];
		const strong = num(ctx.params.strong);
		for (const name of ctx.roles.openEnds) {
			const { rows, texts, features } = await ctx.openEnd(name);
			let pos = 0;
			let neg = 0;
			let listed = 0;
			const langs: Record<string, number> = {};
			for (let i = 0; i < rows.length; i++) {
				const f = features[i];
				if (f.sentiment > 0) pos++;
				else if (f.sentiment < 0) neg++;
				if (f.lang) langs[f.lang] = (langs[f.lang] ?? 0) + 1;
				if (Math.abs(f.sentiment) >= strong && listed < num(ctx.params.maxCells)) {
					listed++;
					out.push(
						about(ctx, 'sentiment', rows[i], {
							variable: name,
							severity: 'info',
							score: Math.abs(f.sentiment),
							message: `${name}: strongly ${f.sentiment > 0 ? 'positive' : 'negative'} (${f.sentiment}) ${JSON.stringify(texts[i].slice(0, 60))}`,
							evidence: { sentiment: f.sentiment, lang: f.lang }
						})
					);
				}
			}
			const n = rows.length;
			if (n)
				out.push(
					aboutVariable('sentiment', name, {
						severity: 'info',
						score: 0,
						message: `${name}: ${pct(pos / n)} positive, ${pct(neg / n)} negative, ${pct((n - pos - neg) / n)} neutral of ${n} answers`,
						evidence: { positive: pos, negative: neg, neutral: n - pos - neg, languages: langs }
					})
				);
		}
		return out;
	}
});
