import { ident, rows, sql } from '../sql/frag';
import { about, aboutVariable, fmt, num, pct } from './finding';
import { defineCheck, type Finding } from './types';

export default defineCheck({
	id: 'brevity',
	version: 1,
	title: 'Brief open ends',
	description:
		"Answers much shorter than the other answers to the same question: judged against that question's median length in words and characters, not a fixed length, and only where answers are typically long.",
	category: 'text',
	severity: 'warning',
	needs: ['open-ends'],
	params: {
		fraction: {
			type: 'number',
			default: 0.2,
			min: 0,
			max: 1,
			description: "flag answers at most this fraction of the question's median length (words and characters)"
		},
		minMedianWords: {
			type: 'number',
			default: 6,
			min: 1,
			description: 'judge only questions whose median answer has at least this many words'
		}
	},
	async run(ctx) {
		const fraction = num(ctx.params.fraction);
		const out: Finding[] = [];
		for (const name of ctx.roles.openEnds) {
			const t = sql`trim(CAST(${ident(name)} AS VARCHAR))`;
			const lengths = sql`SELECT __row AS r, len(regexp_split_to_array(${t}, '\s+')) AS w, length(${t}) AS c FROM data WHERE NOT ${ctx.isMissing(name)}`;
			const [stats] = await rows<{ w: number | null; c: number | null; n: number }>(
				ctx.db,
				sql`SELECT median(w)::DOUBLE AS w, median(c)::DOUBLE AS c, count(*)::INTEGER AS n FROM (${lengths})`
			);
			if (!stats.n || stats.w === null || stats.c === null) continue;
			if (stats.w < num(ctx.params.minMedianWords)) {
				out.push(
					aboutVariable('brevity', name, {
						severity: 'info',
						score: 0,
						message: `${name}: answers are typically short (median ${fmt(stats.w)} ${stats.w === 1 ? 'word' : 'words'}); not judged`
					})
				);
				continue;
			}
			const maxW = Math.max(1, Math.floor(fraction * stats.w));
			const maxC = Math.floor(fraction * stats.c);
			const brief = await rows<{ r: number; w: number; c: number; share: number }>(
				ctx.db,
				sql`SELECT r, w, c, share FROM (SELECT *, cume_dist() OVER (ORDER BY w) AS share FROM (${lengths})) WHERE w <= ${maxW} AND c <= ${maxC}`
			);
			for (const b of brief)
				out.push(
					about(ctx, 'brevity', b.r, {
						variable: name,
						severity: 'warning',
						score: 1 - b.w / stats.w,
						message: `${name}: ${b.w} word${b.w === 1 ? '' : 's'} (${b.c} characters) where this question's median answer has ${fmt(stats.w)} words; ${pct(b.share)} answer this briefly`,
						evidence: { words: b.w, chars: b.c, medianWords: stats.w, medianChars: stats.c, share: b.share }
					})
				);
		}
		return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	}
});
