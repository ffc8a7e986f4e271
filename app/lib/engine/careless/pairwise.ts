/**
 * Pairwise-complete covariance and correlation of the columns of a row-major n × k matrix, as R's
 * cov/cor(use = "pairwise.complete.obs") define them: each pair's means and sums are taken over
 * the rows where both columns are present. Full k × k, symmetric; NaN where fewer than 2 rows share
 * a pair, and a correlation is NaN where either side has no variance.
 */
export interface PairwiseMoments {
	k: number;
	count: Float64Array;
	covariance: Float64Array;
	correlation: Float64Array;
}

/** For non-integer data, a sum of squares this small against the raw sum is rounding around a constant. */
const ZERO_VARIANCE = 1e-12;
/** Rows whose cross products are summed together: fewer read-modify-writes of the k × k sums. */
const BLOCK = 4;

/**
 * One pass over the rows after a column-mean pass. Values are shifted by their column mean and a
 * missing value becomes 0, so the k²/2 cross products need no branch and can be summed four rows
 * at a time; per-pair sums are the column totals minus what rows missing the other item
 * contributed. The shift keeps the one-pass formulas as accurate as R's two-pass ones. Integer
 * answers are shifted by an integer, so every sum stays exact and a correlation that is exactly
 * the critical value compares as it does in R.
 */
export function pairwiseMoments(matrix: Float64Array, n: number, k: number): PairwiseMoments {
	const kk = k * k;
	const { means, integral, largest } = columnStats(matrix, n, k);
	const exact = integral && n * (largest + 1) < EXACT_LIMIT;
	const shift = exact ? means.map(Math.round) : means;
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
	const covariance = new Float64Array(kk);
	const correlation = new Float64Array(kk);
	for (let i = 0; i < k; i++) {
		for (let j = i; j < k; j++) {
			const c = n - bothMissing[i * k + i] - bothMissing[j * k + j] + bothMissing[i * k + j];
			const s1 = total1[i] - lost1[j * k + i];
			const s2 = total1[j] - lost1[i * k + j];
			const q1 = total2[i] - lost2[j * k + i];
			const q2 = total2[j] - lost2[i * k + j];
			const [cov, cor] = exact ? exactPair(c, cross[i * k + j], s1, s2, q1, q2) : shiftedPair(c, cross[i * k + j], s1, s2, q1, q2);
			count[i * k + j] = count[j * k + i] = c;
			covariance[i * k + j] = covariance[j * k + i] = cov;
			correlation[i * k + j] = correlation[j * k + i] = cor;
		}
	}
	return { k, count, covariance, correlation };
}

/** Sums of integers: c × cross − s1 × s2 and friends are exact, leaving one rounding per result. */
function exactPair(c: number, p: number, s1: number, s2: number, q1: number, q2: number): [number, number] {
	if (c < 2) return [Number.NaN, Number.NaN];
	const cp = c * p - s1 * s2;
	const a = c * q1 - s1 * s1;
	const b = c * q2 - s2 * s2;
	const cov = cp / (c * (c - 1));
	return [cov, a === 0 || b === 0 ? Number.NaN : clampCorrelation(cp / Math.sqrt(a * b))];
}

function shiftedPair(c: number, p: number, s1: number, s2: number, q1: number, q2: number): [number, number] {
	if (c < 2) return [Number.NaN, Number.NaN];
	const m1 = s1 / c;
	const m2 = s2 / c;
	const cp = p - c * m1 * m2;
	const a = q1 - c * m1 * m1;
	const b = q2 - c * m2 * m2;
	const flat = a <= q1 * ZERO_VARIANCE || b <= q2 * ZERO_VARIANCE;
	return [cp / (c - 1), flat ? Number.NaN : clampCorrelation(cp / (Math.sqrt(a) * Math.sqrt(b)))];
}

/** Sums of products of integers stay exact below 2^53; n × (largest + 1) bounds their square root. */
const EXACT_LIMIT = 9e7;

function columnStats(matrix: Float64Array, n: number, k: number) {
	const means = columnMeans(matrix, n, k);
	let integral = true;
	let largest = 0;
	for (let p = 0; p < n * k; p++) {
		const v = matrix[p];
		if (v !== v) continue;
		if (integral && !Number.isInteger(v)) integral = false;
		const d = Math.abs(v - means[p % k]);
		if (d > largest) largest = d;
	}
	return { means, integral, largest };
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

export function clampCorrelation(r: number): number {
	return r > 1 ? 1 : r < -1 ? -1 : r;
}
