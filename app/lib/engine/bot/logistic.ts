/** A logistic regression on standardised inputs: P(y = 1 | x) = σ(intercept + Σ coef · (x − mean) / sd). */
export interface Logistic {
	intercept: number;
	coef: number[];
	mean: number[];
	sd: number[];
}

export interface LogisticOptions {
	/** Ridge penalty on the standardised coefficients (not on the intercept). */
	l2?: number;
	/** Coefficients the penalty pulls towards (default 0): a refit stays near them with little data. */
	prior?: number[];
	iterations?: number;
}

export const sigmoid = (t: number): number => 1 / (1 + Math.exp(-t));

export const logit = (p: number): number => Math.log(p / (1 - p));

/** The linear predictor (log-odds) of one row of `d` inputs at `x[at..at + d)`. */
export function logOdds(m: Logistic, x: ArrayLike<number>, at = 0): number {
	let t = m.intercept;
	for (let j = 0; j < m.coef.length; j++) t += (m.coef[j] * (x[at + j] - m.mean[j])) / m.sd[j];
	return t;
}

/**
 * Fits by Newton–Raphson (IRLS) with a ridge penalty: rows of `d` inputs in `x` (row-major), labels
 * 0/1 in `y`, and a weight per row (class balance). A handful of inputs and iterations, so the
 * (d + 1)² system is solved directly.
 * @example const m = fitLogistic(x, y, w, d, { l2: 1 });
 */
export function fitLogistic(x: Float64Array, y: ArrayLike<number>, w: ArrayLike<number>, d: number, opts: LogisticOptions = {}): Logistic {
	const n = y.length;
	const { mean, sd } = standardise(x, w, n, d);
	const l2 = opts.l2 ?? 1;
	const prior = opts.prior ?? new Array(d).fill(0);
	const beta = new Float64Array(d + 1);
	beta.set(prior, 1);
	const z = new Float64Array(d + 1);
	z[0] = 1;
	for (let it = 0; it < (opts.iterations ?? 25); it++) {
		const grad = new Float64Array(d + 1);
		const hess = new Float64Array((d + 1) * (d + 1));
		for (let i = 0; i < n; i++) {
			let t = beta[0];
			for (let j = 0; j < d; j++) {
				z[j + 1] = (x[i * d + j] - mean[j]) / sd[j];
				t += beta[j + 1] * z[j + 1];
			}
			const p = sigmoid(t);
			const g = w[i] * (y[i] - p);
			const h = w[i] * Math.max(p * (1 - p), 1e-12);
			for (let a = 0; a <= d; a++) {
				grad[a] += g * z[a];
				for (let b = 0; b <= a; b++) hess[a * (d + 1) + b] += h * z[a] * z[b];
			}
		}
		for (let a = 1; a <= d; a++) {
			grad[a] -= l2 * (beta[a] - prior[a - 1]);
			hess[a * (d + 1) + a] += l2;
		}
		hess[0] += 1e-9;
		for (let a = 0; a <= d; a++) for (let b = 0; b < a; b++) hess[b * (d + 1) + a] = hess[a * (d + 1) + b];
		const step = solve(hess, grad, d + 1);
		let size = 0;
		for (let a = 0; a <= d; a++) {
			beta[a] += step[a];
			size = Math.max(size, Math.abs(step[a]));
		}
		if (size < 1e-8) break;
	}
	return { intercept: beta[0], coef: Array.from(beta.subarray(1)), mean, sd };
}

function standardise(x: Float64Array, w: ArrayLike<number>, n: number, d: number): { mean: number[]; sd: number[] } {
	const mean = new Array(d).fill(0);
	const sd = new Array(d).fill(0);
	let total = 0;
	for (let i = 0; i < n; i++) {
		total += w[i];
		for (let j = 0; j < d; j++) mean[j] += w[i] * x[i * d + j];
	}
	for (let j = 0; j < d; j++) mean[j] /= total || 1;
	for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) sd[j] += w[i] * (x[i * d + j] - mean[j]) ** 2;
	for (let j = 0; j < d; j++) sd[j] = Math.sqrt(sd[j] / (total || 1)) || 1;
	return { mean, sd };
}

/** Gaussian elimination with partial pivoting on a small dense system. */
function solve(a: Float64Array, b: Float64Array, m: number): Float64Array {
	const A = Float64Array.from(a);
	const x = Float64Array.from(b);
	for (let c = 0; c < m; c++) {
		let p = c;
		for (let r = c + 1; r < m; r++) if (Math.abs(A[r * m + c]) > Math.abs(A[p * m + c])) p = r;
		if (p !== c) {
			for (let k = 0; k < m; k++) [A[c * m + k], A[p * m + k]] = [A[p * m + k], A[c * m + k]];
			[x[c], x[p]] = [x[p], x[c]];
		}
		const piv = A[c * m + c] || 1e-12;
		for (let r = c + 1; r < m; r++) {
			const f = A[r * m + c] / piv;
			if (!f) continue;
			for (let k = c; k < m; k++) A[r * m + k] -= f * A[c * m + k];
			x[r] -= f * x[c];
		}
	}
	for (let c = m - 1; c >= 0; c--) {
		let s = x[c];
		for (let k = c + 1; k < m; k++) s -= A[c * m + k] * x[k];
		x[c] = s / (A[c * m + c] || 1e-12);
	}
	return x;
}
