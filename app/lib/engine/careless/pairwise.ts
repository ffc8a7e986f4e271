/**
 * Pairwise-complete second moments of the columns of a row-major n × k matrix, as R's
 * cov/cor(use = "pairwise.complete.obs") define them: for each pair, means, cross products and
 * sums of squares are taken over the rows where both columns are present. Full k × k, symmetric;
 * squaresFirst[i * k + j] is column i's sum of squared deviations over the rows shared with j.
 */
export interface PairwiseMoments {
	k: number;
	count: Float64Array;
	crossProducts: Float64Array;
	squaresFirst: Float64Array;
	squaresSecond: Float64Array;
}

/** A sum of squares this small against the raw sum is rounding noise around a constant column. */
const ZERO_VARIANCE = 1e-12;
/** Rows whose cross products are summed together: fewer read-modify-writes of the k × k sums. */
const BLOCK = 4;

/**
 * One pass over the rows after a column-mean pass. Values are shifted by their column mean and a
 * missing value becomes 0, so the k²/2 cross products need no branch and can be summed four rows
 * at a time; per-pair sums are the column
 * totals minus what rows missing the other item contributed. The shift keeps the one-pass
 * formulas as accurate as R's two-pass ones.
 */
export function pairwiseMoments(matrix: Float64Array, n: number, k: number): PairwiseMoments {
	const kk = k * k;
	const shift = columnMeans(matrix, n, k);
	const total1 = new Float64Array(k);
	const total2 = new Float64Array(k);
	const cross = new Float64Array(kk);
	const lost1 = new Float64Array(kk);
	const lost2 = new Float64Array(kk);
	const bothMissing = new Float64Array(kk);
	const d = new Float64Array(BLOCK * k);
	const missing = new Int32Array(k);
	for (let first = 0; first < n; first += BLOCK) {
		for (let b = 0; b < BLOCK; b++) {
			const r = first + b;
			const row = b * k;
			if (r >= n) {
				d.fill(0, row, row + k);
				continue;
			}
			const base = r * k;
			let m = 0;
			for (let j = 0; j < k; j++) {
				const v = matrix[base + j];
				if (v === v) {
					const dv = v - shift[j];
					d[row + j] = dv;
					total1[j] += dv;
					total2[j] += dv * dv;
				} else {
					d[row + j] = 0;
					missing[m++] = j;
				}
			}
			for (let a = 0; a < m; a++) {
				const o = missing[a] * k;
				for (let i = 0; i < k; i++) {
					const di = d[row + i];
					lost1[o + i] += di;
					lost2[o + i] += di * di;
				}
				for (let c = 0; c < m; c++) bothMissing[o + missing[c]] += 1;
			}
		}
		const k2 = 2 * k;
		const k3 = 3 * k;
		for (let i = 0; i < k; i++) {
			const a0 = d[i];
			const a1 = d[k + i];
			const a2 = d[k2 + i];
			const a3 = d[k3 + i];
			const o = i * k;
			for (let j = i; j < k; j++) {
				cross[o + j] += a0 * d[j] + a1 * d[k + j] + a2 * d[k2 + j] + a3 * d[k3 + j];
			}
		}
	}
	const count = new Float64Array(kk);
	const crossDev = new Float64Array(kk);
	const ssFirst = new Float64Array(kk);
	const ssSecond = new Float64Array(kk);
	for (let i = 0; i < k; i++) {
		for (let j = i; j < k; j++) {
			const c = n - bothMissing[i * k + i] - bothMissing[j * k + j] + bothMissing[i * k + j];
			const s1 = total1[i] - lost1[j * k + i];
			const s2 = total1[j] - lost1[i * k + j];
			const q1 = total2[i] - lost2[j * k + i];
			const q2 = total2[j] - lost2[i * k + j];
			const m1 = c > 0 ? s1 / c : 0;
			const m2 = c > 0 ? s2 / c : 0;
			const p = cross[i * k + j] - c * m1 * m2;
			let a = q1 - c * m1 * m1;
			let b = q2 - c * m2 * m2;
			if (a <= q1 * ZERO_VARIANCE) a = 0;
			if (b <= q2 * ZERO_VARIANCE) b = 0;
			count[i * k + j] = count[j * k + i] = c;
			crossDev[i * k + j] = crossDev[j * k + i] = i === j ? a : p;
			ssFirst[i * k + j] = ssSecond[j * k + i] = a;
			ssSecond[i * k + j] = ssFirst[j * k + i] = b;
		}
	}
	return { k, count, crossProducts: crossDev, squaresFirst: ssFirst, squaresSecond: ssSecond };
}

export function columnMeans(matrix: Float64Array, n: number, k: number): Float64Array {
	const sum = new Float64Array(k);
	const count = new Float64Array(k);
	for (let r = 0; r < n; r++) {
		const base = r * k;
		for (let j = 0; j < k; j++) {
			const v = matrix[base + j];
			if (v === v) {
				sum[j] += v;
				count[j]++;
			}
		}
	}
	for (let j = 0; j < k; j++) sum[j] = count[j] > 0 ? sum[j] / count[j] : 0;
	return sum;
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
