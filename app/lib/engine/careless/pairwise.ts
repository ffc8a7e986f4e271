/**
 * Pairwise-complete second moments of the columns of a row-major n × k matrix, as R's
 * cov/cor(use = "pairwise.complete.obs") compute them: for each pair, the means, cross products and
 * sums of squares are taken over the rows where both columns are present. Full k × k, symmetric.
 */
export interface PairwiseMoments {
	k: number;
	count: Float64Array;
	crossProducts: Float64Array;
	/** Sum of squares of column i's deviations over the rows shared with column j, at [i * k + j]. */
	squaresFirst: Float64Array;
	squaresSecond: Float64Array;
}

export function pairwiseMoments(matrix: Float64Array, n: number, k: number): PairwiseMoments {
	const kk = k * k;
	const count = new Float64Array(kk);
	const sumA = new Float64Array(kk);
	const sumB = new Float64Array(kk);
	for (let r = 0; r < n; r++) {
		const base = r * k;
		for (let i = 0; i < k; i++) {
			const a = matrix[base + i];
			if (a !== a) continue;
			const row = i * k;
			for (let j = i; j < k; j++) {
				const b = matrix[base + j];
				if (b !== b) continue;
				count[row + j]++;
				sumA[row + j] += a;
				sumB[row + j] += b;
			}
		}
	}
	const meanA = new Float64Array(kk);
	const meanB = new Float64Array(kk);
	for (let p = 0; p < kk; p++) {
		meanA[p] = sumA[p] / count[p];
		meanB[p] = sumB[p] / count[p];
	}
	const cross = new Float64Array(kk);
	const ssA = new Float64Array(kk);
	const ssB = new Float64Array(kk);
	for (let r = 0; r < n; r++) {
		const base = r * k;
		for (let i = 0; i < k; i++) {
			const a = matrix[base + i];
			if (a !== a) continue;
			const row = i * k;
			for (let j = i; j < k; j++) {
				const b = matrix[base + j];
				if (b !== b) continue;
				const da = a - meanA[row + j];
				const db = b - meanB[row + j];
				cross[row + j] += da * db;
				ssA[row + j] += da * da;
				ssB[row + j] += db * db;
			}
		}
	}
	for (let i = 0; i < k; i++) {
		for (let j = i + 1; j < k; j++) {
			const u = i * k + j;
			const l = j * k + i;
			count[l] = count[u];
			cross[l] = cross[u];
			ssA[l] = ssB[u];
			ssB[l] = ssA[u];
		}
	}
	return { k, count, crossProducts: cross, squaresFirst: ssA, squaresSecond: ssB };
}

/** Pairwise covariance matrix; NaN where fewer than 2 rows share the pair. */
export function pairwiseCovariance(m: PairwiseMoments): Float64Array {
	const out = new Float64Array(m.k * m.k);
	for (let p = 0; p < out.length; p++) {
		out[p] = m.count[p] >= 2 ? m.crossProducts[p] / (m.count[p] - 1) : Number.NaN;
	}
	return out;
}

/** Pairwise correlation matrix; NaN where fewer than 2 shared rows or a zero variance. */
export function pairwiseCorrelation(m: PairwiseMoments): Float64Array {
	const out = new Float64Array(m.k * m.k);
	for (let p = 0; p < out.length; p++) {
		const sa = m.squaresFirst[p];
		const sb = m.squaresSecond[p];
		if (m.count[p] < 2 || sa === 0 || sb === 0) {
			out[p] = Number.NaN;
			continue;
		}
		out[p] = clampCorrelation(m.crossProducts[p] / (Math.sqrt(sa) * Math.sqrt(sb)));
	}
	return out;
}

export function clampCorrelation(r: number): number {
	return r > 1 ? 1 : r < -1 ? -1 : r;
}
