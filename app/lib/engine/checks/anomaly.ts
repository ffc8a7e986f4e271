import { fitIsolationForest, scoreIsolation } from '../anomaly/isolation-forest';
import { respondentMatrix } from '../anomaly/respondent-matrix';
import { about, fmt, num } from './finding';
import { defineCheck, type Finding } from './types';

export default defineCheck({
	id: 'anomaly',
	version: 1,
	title: 'Unusual respondents',
	description:
		'An isolation forest over the standardised numeric answers and the duration: respondents that a few random cuts set apart from everyone else, with the three variables that set them apart.',
	category: 'validity',
	severity: 'warning',
	needs: ['numbers'],
	params: {
		threshold: {
			type: 'number',
			default: 0.62,
			min: 0.5,
			max: 1,
			description: 'flag an isolation score at or above this (0.5 is ordinary)'
		},
		trees: { type: 'number', default: 100, min: 10, max: 1000, description: 'trees in the forest' },
		sample: { type: 'number', default: 256, min: 16, max: 4096, description: 'respondents drawn for each tree' },
		maxVariables: {
			type: 'number',
			default: 40,
			min: 2,
			max: 500,
			description: 'at most this many variables (the duration first); memory is respondents × variables × 16 bytes'
		},
		seed: { type: 'number', default: 1, description: 'seed of the forest, for reproducible scores' }
	},
	async run(ctx) {
		const m = await respondentMatrix(ctx, num(ctx.params.maxVariables));
		const d = m.columns.length;
		if (d < 2 || m.n < 16) return [];
		const forest = fitIsolationForest(m.matrix, m.n, d, {
			trees: num(ctx.params.trees),
			sample: num(ctx.params.sample),
			seed: num(ctx.params.seed)
		});
		const { score, columns, top } = scoreIsolation(forest, m.matrix, m.n);
		const threshold = num(ctx.params.threshold);
		const out: Finding[] = [];
		for (let i = 0; i < m.n; i++) {
			if (score[i] < threshold) continue;
			const why = Array.from(columns.subarray(i * top, i * top + top))
				.filter((j) => j >= 0)
				.map((j) => {
					const z = m.matrix[i * d + j];
					return { variable: m.columns[j], value: m.means[j] + z * m.sds[j], z };
				});
			out.push(
				about(ctx, 'anomaly', m.rows[i], {
					severity: 'warning',
					score: (score[i] - 0.5) * 2,
					message: `unusual respondent (isolation score ${fmt(score[i])}), mostly for ${why.map((w) => `${w.variable} = ${fmt(w.value, 3)} (${w.z >= 0 ? '+' : ''}${fmt(w.z)} SD)`).join(', ')}`,
					evidence: { score: score[i], variables: why }
				})
			);
		}
		return out;
	}
});
