import { columnMeans, pairwiseMoments } from '../careless/pairwise';
import { symmetricEigen } from '../stats/eigen';

/**
 * What "typical answers" look like in one grid: a probabilistic PCA of the items (Tipping & Bishop
 * 1999). Its Mahalanobis-like distance needs only `components` + 1 dot products per answer vector,
 * where the full Mahalanobis D² needs k², which is what lets the permutation test shuffle each
 * respondent's answers hundreds of times.
 */
export interface GridModel {
	k: number;
	means: Float64Array;
	/** components × k, unit rows: the directions in which respondents differ most. */
	basis: Float64Array;
	/** Per component, 1/λ − 1/σ²: how much less a deviation along it counts than an unexplained one. */
	weights: Float64Array;
	/** basis · means. */
	basisMeans: Float64Array;
	/** Mean variance outside the components, σ². */
	residual: number;
	components: number;
}

export type GridModelResult = GridModel | { reason: string };

/**
 * Fits the model on the grid's answers (row-major n × k, NaN = missing). The components kept are
 * those whose variance is above the average item variance (Kaiser's rule on the covariance), at
 * most `maxComponents`.
 */
export function fitGridModel(matrix: Float64Array, n: number, k: number, maxComponents = 5): GridModelResult {
	if (k < 3) return { reason: `only ${k} items` };
	const moments = pairwiseMoments(matrix, n, k);
	if (moments.covariance.some((c) => !Number.isFinite(c))) return { reason: 'too few respondents answer the items together' };
	const { values, vectors } = symmetricEigen(moments.covariance, k);
	let total = 0;
	for (const v of values) total += v;
	if (!(total > 0)) return { reason: 'nobody varies their answers' };
	let components = 0;
	while (components < Math.min(maxComponents, k - 2) && values[components] > total / k) components++;
	let rest = 0;
	for (let i = components; i < k; i++) rest += Math.max(0, values[i]);
	const residual = Math.max(rest / (k - components), total * 1e-6);
	const means = columnMeans(matrix, n, k);
	const basis = vectors.slice(0, components * k);
	const weights = new Float64Array(components);
	const basisMeans = new Float64Array(components);
	for (let c = 0; c < components; c++) {
		weights[c] = 1 / Math.max(values[c], residual) - 1 / residual;
		for (let j = 0; j < k; j++) basisMeans[c] += basis[c * k + j] * means[j];
	}
	return { k, means, basis, weights, basisMeans, residual, components };
}
