// Training data for the bot model: surveys simulated by app/lib/demo/factor-survey.ts with random
// responders of every kind, reduced to BOT_FEATURES by the same engine code the `bot` check runs.
// Prints CSV (features, label, kind) to stdout. `npx tsx wasm-models/bot-simulate.ts > bot-train.csv`
import { factorSurvey, type FactorGrid } from '../app/lib/demo/factor-survey';
import { RANDOM_ANSWER_KINDS } from '../app/lib/demo/random-answers';
import { createRng } from '../app/lib/demo/rng';
import { BOT_FEATURES } from '../app/lib/engine/bot/features';
import { featureMatrix } from '../app/lib/engine/bot/feature-matrix';

const DESIGNS: FactorGrid[][] = [
	[{ name: 'a', items: 25, scale: [1, 6], factors: 5 }],
	[
		{ name: 'a', items: 12, scale: [1, 5], factors: 3 },
		{ name: 'b', items: 8, scale: [1, 7], factors: 2 }
	],
	[{ name: 'a', items: 10, scale: [1, 5], factors: 2 }],
	[
		{ name: 'a', items: 6, scale: [1, 5], factors: 1 },
		{ name: 'b', items: 15, scale: [1, 7], factors: 3 }
	]
];

const rng = createRng(2024);
console.log([...BOT_FEATURES, 'label', 'kind'].join(','));
DESIGNS.forEach((grids, s) => {
	for (const withDuration of [true, false]) {
		const rows = 3000;
		const survey = factorSurvey({
			rows,
			seed: 100 + 2 * s + (withDuration ? 1 : 0),
			grids,
			botShare: 0.15,
			kinds: RANDOM_ANSWER_KINDS,
			carelessShare: 0.1
		});
		// Humans take lognormal time around 600 s; random responders are faster on the whole but
		// overlap (some bots wait on purpose); the careless humans hurry a little.
		const duration = withDuration
			? Float64Array.from(survey.kind, (k, i) =>
					Math.round(600 * Math.exp(0.4 * rng.normal() + (k ? Math.log(rng.uniform(0.15, 1.1)) : survey.careless[i] ? -0.3 : 0)))
				)
			: null;
		const answers = grids.map((g, gi) => ({ matrix: survey.answers[gi], k: g.items, scale: g.scale }));
		const { features } = featureMatrix(answers, rows, duration, { permutations: 200, seed: s + 1 });
		const f = BOT_FEATURES.length;
		for (let i = 0; i < rows; i++) {
			const kind = survey.kind[i] ?? (survey.careless[i] ? 'careless-human' : 'human');
			console.log([...Array.from(features.subarray(i * f, i * f + f), (x) => +x.toFixed(5)), survey.kind[i] ? 1 : 0, kind].join(','));
		}
	}
});
