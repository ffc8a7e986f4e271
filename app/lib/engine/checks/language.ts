import { distinctAnswers } from '../text/distinct-answers';
import { languageDetector, languageName } from '../text/language';
import { dominantScript } from '../text/script';
import { about, aboutVariable, num, pct } from './finding';
import { defineCheck, type Finding } from './types';

const WORD = /[\p{L}\p{N}]+/gu;
const wordCount = (t: string) => t.match(WORD)?.length ?? 0;

/** Languages (or scripts) holding at least `share` of the answers, most frequent first. */
function mainOf(counts: Map<string, number>, total: number, share: number): string[] {
	return [...counts]
		.filter(([k, n]) => k && n >= share * total)
		.sort((a, b) => b[1] - a[1])
		.map(([k]) => k);
}

export default defineCheck({
	id: 'language',
	version: 1,
	title: 'Language of open ends',
	description:
		"The language of each open-end answer (60 languages, with a confidence) and each question's main languages; answers in a language or script the question's other answers do not use are flagged.",
	category: 'text',
	severity: 'warning',
	needs: ['open-ends'],
	params: {
		expected: {
			type: 'string[]',
			default: [],
			description: 'expected languages (ISO 639-1, e.g. ["en", "de"]); empty = each question’s main languages'
		},
		mainShare: {
			type: 'number',
			default: 0.05,
			min: 0,
			max: 1,
			description: 'share of a question’s answers that makes a language one of its main ones'
		},
		minWords: { type: 'number', default: 4, min: 1, description: 'answers with fewer words get no language' },
		minConfidence: {
			type: 'number',
			default: 0.6,
			min: 0,
			max: 1,
			description: 'flag only answers whose language is at least this certain'
		}
	},
	async run(ctx) {
		const detect = await languageDetector();
		const minWords = num(ctx.params.minWords);
		const minConfidence = num(ctx.params.minConfidence);
		const expected = ctx.params.expected as string[];
		const out: Finding[] = [];
		for (const name of ctx.roles.openEnds) {
			const { texts, start, rows } = await distinctAnswers(ctx, name);
			const n = texts.length;
			const language: string[] = new Array(n).fill('');
			const script: string[] = new Array(n);
			const confidence = new Float32Array(n);
			const langCounts = new Map<string, number>();
			const scriptCounts = new Map<string, number>();
			let judged = 0;
			for (let k = 0; k < n; k++) {
				const size = start[k + 1] - start[k];
				script[k] = dominantScript(texts[k]);
				scriptCounts.set(script[k], (scriptCounts.get(script[k]) ?? 0) + size);
				if (wordCount(texts[k]) < minWords) continue;
				const g = detect(texts[k]);
				language[k] = g.language;
				confidence[k] = g.confidence;
				if (!g.language) continue;
				langCounts.set(g.language, (langCounts.get(g.language) ?? 0) + size);
				judged += size;
			}
			const main = expected.length ? expected : mainOf(langCounts, judged, num(ctx.params.mainShare));
			const scripts = mainOf(scriptCounts, rows.length, num(ctx.params.mainShare));
			for (let k = 0; k < n; k++) {
				const lang = language[k];
				const offScript = script[k] !== '' && !scripts.includes(script[k]);
				const offLanguage = lang !== '' && confidence[k] >= minConfidence && main.length > 0 && !main.includes(lang);
				if (!offScript && !offLanguage) continue;
				const what = offLanguage ? `${languageName(lang)} (${lang}${offScript ? `, ${script[k]} script` : ''})` : `${script[k]} script`;
				const expectedText = offLanguage ? main.join(', ') : scripts.join(', ');
				const message = `${name}: answer in ${what}, not one of this question's ${offLanguage ? 'languages' : 'scripts'} (${expectedText})`;
				const evidence = { language: lang || null, confidence: Number(confidence[k].toFixed(2)), script: script[k], main, scripts };
				for (let j = start[k]; j < start[k + 1]; j++)
					out.push(about(ctx, 'language', rows[j], { variable: name, severity: 'warning', score: 0.3, message, evidence }));
			}
			const shares = mainOf(langCounts, judged, 0).map((l) => `${l} ${pct(langCounts.get(l)! / judged)}`);
			out.push(
				aboutVariable('language', name, {
					severity: 'info',
					score: 0,
					message: `${name}: main languages ${main.join(', ') || 'none'} (${shares.slice(0, 5).join(', ') || 'no answer long enough'})`,
					evidence: { languages: Object.fromEntries(langCounts), main, scripts, judged }
				})
			);
		}
		return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	}
});
