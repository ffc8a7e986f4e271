/** R's solve() refuses a matrix whose reciprocal condition number is below machine epsilon. */
const RCOND_TOLERANCE = 2.220446049250313e-16;

export type InverseResult = { inverse: Float64Array; rcond: number } | { reason: string };

/**
 * Inverts a k × k matrix (row-major) by Gauss-Jordan elimination with partial pivoting. Works for
 * indefinite matrices too, since a pairwise-complete covariance need not be positive definite.
 */
export function invertMatrix(source: Float64Array, k: number): InverseResult {
	for (let p = 0; p < k * k; p++) {
		if (!Number.isFinite(source[p])) return { reason: 'the matrix has missing entries' };
	}
	const a = Float64Array.from(source);
	const inv = new Float64Array(k * k);
	for (let i = 0; i < k; i++) inv[i * k + i] = 1;
	for (let col = 0; col < k; col++) {
		let pivot = col;
		let best = Math.abs(a[col * k + col]);
		for (let r = col + 1; r < k; r++) {
			const v = Math.abs(a[r * k + col]);
			if (v > best) {
				best = v;
				pivot = r;
			}
		}
		if (best === 0) return { reason: 'the matrix is exactly singular' };
		if (pivot !== col) {
			swapRows(a, k, pivot, col);
			swapRows(inv, k, pivot, col);
		}
		const d = a[col * k + col];
		for (let j = 0; j < k; j++) {
			a[col * k + j] /= d;
			inv[col * k + j] /= d;
		}
		for (let r = 0; r < k; r++) {
			if (r === col) continue;
			const f = a[r * k + col];
			if (f === 0) continue;
			for (let j = 0; j < k; j++) {
				a[r * k + j] -= f * a[col * k + j];
				inv[r * k + j] -= f * inv[col * k + j];
			}
		}
	}
	const rcond = 1 / (oneNorm(source, k) * oneNorm(inv, k));
	if (!(rcond >= RCOND_TOLERANCE)) {
		return { reason: `the matrix is computationally singular (reciprocal condition ${rcond.toExponential(3)})` };
	}
	return { inverse: inv, rcond };
}

function swapRows(m: Float64Array, k: number, a: number, b: number): void {
	for (let j = 0; j < k; j++) {
		const t = m[a * k + j];
		m[a * k + j] = m[b * k + j];
		m[b * k + j] = t;
	}
}

function oneNorm(m: Float64Array, k: number): number {
	let max = 0;
	for (let j = 0; j < k; j++) {
		let s = 0;
		for (let i = 0; i < k; i++) s += Math.abs(m[i * k + j]);
		if (s > max) max = s;
	}
	return max;
}
