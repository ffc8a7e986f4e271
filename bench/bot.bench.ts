/**
 * The bot check's permutation test (issue 15) at scale: respondents × 25 items × 200 shuffles,
 * complete answers and with 10 % of respondents missing two answers (their own shuffles); then the
 * anomaly check's isolation forest (100 trees of 256) fitted and scored on the same answers.
 * `npx tsx bench/bot.bench.ts [ROWS]` (default 1,000,000).
 */
import { factorSurvey } from '../app/lib/demo/factor-survey';
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
	const { p } = permutationTest([{ matrix: m, model }], rows, { permutations: 200 });
	const used = process.cpuUsage(c);
	let flagged = 0;
	for (const x of p) if (x > 0.05) flagged++;
	console.log(
		`| ${label} | ${rows} | ${k} | ${model.components} | 200 | ${Math.round(performance.now() - t)} | ${Math.round((used.user + used.system) / 1000)} | ${flagged} |`
	);
};
console.log('| answers | respondents | items | components | shuffles | ms | CPU ms | p > 0.05 |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
time('complete', matrix);
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
