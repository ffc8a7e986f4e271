/**
 * The bot check's permutation test (issue 15) at scale: respondents × 25 items × 200 shuffles,
 * complete answers and with 10 % of respondents missing two answers (their own shuffles); then the
 * anomaly check's isolation forest (100 trees of 256) fitted and scored on the same answers.
 * `npx tsx bench/bot.bench.ts [ROWS]` (default 1,000,000).
 */
import { factorSurvey } from '../app/lib/demo/factor-survey';
import { botScores } from '../app/lib/engine/bot/bot-score';
import { fitGridModel } from '../app/lib/engine/bot/grid-model';
import { permutationTest } from '../app/lib/engine/bot/permutation-test';
import { fitIsolationForest, scoreIsolation } from '../app/lib/engine/anomaly/isolation-forest';

const rows = Number(process.argv[2] ?? 1_000_000);
const k = 25;
const survey = factorSurvey({
	rows,
	seed: 1,
	grids: [{ name: 'big5', items: k, scale: [1, 6], factors: 5 }],
	botShare: 0.05,
	kinds: ['uniform', 'mid-range', 'biased']
});
const matrix = survey.answers[0];
const model = fitGridModel(matrix, rows, k);
if ('reason' in model) throw new Error(model.reason);

const time = (label: string, m: Float64Array) => {
	const t = performance.now();
	const c = process.cpuUsage();
	const perm = permutationTest([{ matrix: m, model }], rows, { permutations: 200 });
	const { p } = perm;
	const used = process.cpuUsage(c);
	let flagged = 0;
	for (const x of p) if (x > 0.05) flagged++;
	console.log(
		`| ${label} | ${rows} | ${k} | ${model.components} | 200 | ${Math.round(performance.now() - t)} | ${Math.round((used.user + used.system) / 1000)} | ${flagged} |`
	);
	return perm;
};
console.log('| answers | respondents | items | components | shuffles | ms | CPU ms | p > 0.05 |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
const perm = time('complete', matrix);
{
	// what the check adds to the test: evidence, 900 simulated responders, the logistic contrast and the probabilities
	const t = performance.now();
	const s = botScores([{ matrix, model, scale: [1, 6] }], perm, rows, { sensitivity: 0.88, permutations: 200, seed: 1 });
	const ms = Math.round(performance.now() - t);
	let humans = 0;
	let humanHits = 0;
	let bots = 0;
	let botHits = 0;
	survey.kind.forEach((kind, i) => {
		const hit = s.score[i] >= s.threshold ? 1 : 0;
		if (kind) {
			bots++;
			botHits += hit;
		} else {
			humans++;
			humanHits += hit;
		}
	});
	console.log(
		`\nbot score on top of the test, ${rows} × ${k}: ${ms} ms; at sensitivity 0.88 ${((100 * botHits) / bots).toFixed(1)} % of the planted bots and ${((100 * humanHits) / humans).toFixed(1)} % of the humans flagged; estimated bot share ${(100 * s.prevalence).toFixed(1)} %\n`
	);
}
const holes = Float64Array.from(matrix);
for (let r = 0; r < rows; r += 10) holes[r * k + (r % k)] = holes[r * k + ((r + 7) % k)] = NaN;
time('10 % with 2 missing', holes);

const t = performance.now();
const c = process.cpuUsage();
const { score } = scoreIsolation(fitIsolationForest(matrix, rows, k, { seed: 1 }), matrix, rows);
const used = process.cpuUsage(c);
console.log(
	`\nisolation forest, ${rows} × ${k}: ${Math.round(performance.now() - t)} ms (CPU ${Math.round((used.user + used.system) / 1000)} ms), ${score.filter((s) => s >= 0.62).length} at ≥ 0.62`
);
