import { about, aboutVariable, num, pct } from './finding';
import { ident, rows, sql } from '../sql/frag';
import { LANG_CODES } from '../text/features';
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
			const features = await ctx.answerFeatures(name);
			const listed = await rows<{ r: number; t: string; sentiment: number; lang: number }>(
				ctx.db,
				sql`SELECT f.r, d.${ident(name)}::VARCHAR AS t, f.sentiment, f.lang
				    FROM (SELECT * FROM ${features} WHERE abs(sentiment) >= ${strong} ORDER BY r LIMIT ${Math.ceil(num(ctx.params.maxCells))}) f
				    JOIN data d ON d.__row = f.r ORDER BY f.r`
			);
			for (const { r, t, sentiment, lang } of listed)
				out.push(
					about(ctx, 'sentiment', r, {
						variable: name,
						severity: 'info',
						score: Math.abs(sentiment),
						message: `${name}: strongly ${sentiment > 0 ? 'positive' : 'negative'} (${sentiment}) ${JSON.stringify(t.slice(0, 60))}`,
						evidence: { sentiment, lang: LANG_CODES[lang] }
					})
				);
			// languages in the order they first occur, as the evidence has always listed them
			const groups = await rows<{ lang: number; n: number; pos: number; neg: number }>(
				ctx.db,
				sql`SELECT lang, count(*)::INTEGER AS n, count_if(sentiment > 0)::INTEGER AS pos, count_if(sentiment < 0)::INTEGER AS neg
				    FROM ${features} GROUP BY lang ORDER BY min(r)`
			);
			const n = groups.reduce((s, g) => s + g.n, 0);
			const pos = groups.reduce((s, g) => s + g.pos, 0);
			const neg = groups.reduce((s, g) => s + g.neg, 0);
			const langs = Object.fromEntries(groups.filter((g) => g.lang > 0).map((g) => [LANG_CODES[g.lang]!, g.n]));
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
