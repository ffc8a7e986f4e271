import { CATEGORIES, type Category } from './categories';
import type { CategoryModel } from './model';

export type Sample = { tokens: string[]; label: Category };

/** Fits the naive Bayes model (Laplace smoothing `alpha`), keeping tokens seen at least `minCount` times. */
export function trainCategoryModel(samples: readonly Sample[], alpha = 1, minCount = 3): CategoryModel {
	const classes = [...CATEGORIES];
	const perClass = classes.map(() => 0);
	const counts = new Map<string, number[]>();
	for (const s of samples) {
		const c = classes.indexOf(s.label);
		perClass[c]++;
		for (const t of s.tokens) {
			let row = counts.get(t);
			if (!row) counts.set(t, (row = classes.map(() => 0)));
			row[c]++;
		}
	}
	const tokens: Record<string, number[]> = {};
	for (const [t, row] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
		if (row.reduce((a, b) => a + b, 0) < minCount) continue;
		// Bernoulli-style presence weight, the log-odds of seeing the token in the class; rounded to keep the file small.
		tokens[t] = row.map((n, c) => round(Math.log((n + alpha) / (perClass[c] + 2 * alpha))));
	}
	const total = samples.length;
	const prior = perClass.map((n) => round(Math.log((n + alpha) / (total + classes.length * alpha))));
	return { version: 1, classes, prior, tokens, metrics: {} };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
