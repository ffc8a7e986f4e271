import { randomResponding } from '../bot/random-responding';
import { about, fmt, num } from './finding';
import { defineCheck, type Finding } from './types';

export default defineCheck({
	id: 'bot',
	version: 1,
	title: 'Bots and random responders',
	description:
		'Answers that look random: a permutation test per respondent (Ilagan & Falk 2024) asks whether shuffling their answers across the items of each grid makes them any less typical. A random bot cannot be told from its shuffles; a reader can.',
	category: 'fraud',
	severity: 'warning',
	needs: ['grids'],
	params: {
		sensitivity: {
			type: 'number',
			default: 0.95,
			min: 0.5,
			max: 0.999,
			description: 'share of random responders to catch; the rest of the risk falls on attentive respondents with flat answers'
		},
		minItems: { type: 'number', default: 5, min: 3, description: 'only grids with at least this many items' },
		permutations: { type: 'number', default: 200, min: 20, max: 5000, description: 'shuffles per respondent' },
		seed: { type: 'number', default: 1, description: 'seed of the shuffles, for reproducible p-values' }
	},
	async run(ctx) {
		const test = await randomResponding(ctx, {
			minItems: num(ctx.params.minItems),
			permutations: num(ctx.params.permutations),
			seed: num(ctx.params.seed)
		});
		if (!test) return [];
		const alpha = 1 - num(ctx.params.sensitivity);
		const out: Finding[] = [];
		for (let i = 0; i < test.rows.length; i++) {
			const p = test.p[i];
			if (!(p > alpha)) continue;
			out.push(
				about(ctx, 'bot', test.rows[i], {
					severity: 'warning',
					score: 0.5 + 0.5 * Math.min(1, (p - alpha) / (0.5 - alpha)),
					message: `answers look random: shuffled across the items they are just as typical (permutation p = ${fmt(p)} over ${test.answered[i]} answers; attentive respondents are below ${fmt(alpha)})`,
					evidence: { p, z: test.z[i], answers: test.answered[i], grids: test.grids, alpha }
				})
			);
		}
		return out;
	}
});
