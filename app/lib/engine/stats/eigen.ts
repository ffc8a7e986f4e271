export interface Eigen {
	/** Eigenvalues, largest first. */
	values: Float64Array;
	/** Row i is the unit eigenvector of values[i] (row-major k × k). */
	vectors: Float64Array;
}

const SWEEPS = 100;

/**
 * Eigen-decomposition of a symmetric k × k matrix (row-major) by cyclic Jacobi rotations: exact to
 * rounding and fast enough for the item counts of a questionnaire grid (k ≤ a few hundred).
 * @example const { values, vectors } = symmetricEigen(covariance, k);
 */
export function symmetricEigen(source: Float64Array, k: number): Eigen {
	const a = Float64Array.from(source);
	const v = new Float64Array(k * k);
	for (let i = 0; i < k; i++) v[i * k + i] = 1;
	for (let sweep = 0; sweep < SWEEPS; sweep++) {
		let off = 0;
		for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q] ** 2;
		if (off < 1e-30) break;
		for (let p = 0; p < k; p++) {
			for (let q = p + 1; q < k; q++) {
				const apq = a[p * k + q];
				if (Math.abs(apq) < 1e-300) continue;
				const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
				const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
				const c = 1 / Math.sqrt(t * t + 1);
				rotate(a, v, k, p, q, c, t * c);
			}
		}
	}
	const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[y * k + y] - a[x * k + x]);
	const values = Float64Array.from(order, (i) => a[i * k + i]);
	const vectors = new Float64Array(k * k);
	order.forEach((col, row) => {
		for (let j = 0; j < k; j++) vectors[row * k + j] = v[j * k + col];
	});
	return { values, vectors };
}

/** A ← JᵀAJ and V ← VJ for the rotation J in the (p, q) plane. */
function rotate(a: Float64Array, v: Float64Array, k: number, p: number, q: number, c: number, s: number): void {
	for (let i = 0; i < k; i++) {
		const aip = a[i * k + p];
		const aiq = a[i * k + q];
		a[i * k + p] = c * aip - s * aiq;
		a[i * k + q] = s * aip + c * aiq;
	}
	for (let i = 0; i < k; i++) {
		const api = a[p * k + i];
		const aqi = a[q * k + i];
		a[p * k + i] = c * api - s * aqi;
		a[q * k + i] = s * api + c * aqi;
	}
	for (let i = 0; i < k; i++) {
		const vip = v[i * k + p];
		const viq = v[i * k + q];
		v[i * k + p] = c * vip - s * viq;
		v[i * k + q] = s * vip + c * viq;
	}
}
