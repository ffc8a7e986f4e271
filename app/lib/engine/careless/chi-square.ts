const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
	-0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	const z = x - 1;
	let s = LANCZOS[0];
	for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
	const t = z + 7.5;
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Regularized lower incomplete gamma P(a, x): series below a + 1, continued fraction above. */
export function gammaP(a: number, x: number): number {
	if (x <= 0) return 0;
	const logPrefix = a * Math.log(x) - x - logGamma(a);
	if (x < a + 1) {
		let term = 1 / a;
		let sum = term;
		for (let n = 1; n < 10000; n++) {
			term *= x / (a + n);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
		}
		return Math.min(1, sum * Math.exp(logPrefix));
	}
	const tiny = 1e-300;
	let b = x + 1 - a;
	let c = 1 / tiny;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 10000; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < tiny) d = tiny;
		c = b + an / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < 1e-17) break;
	}
	return Math.max(0, 1 - Math.exp(logPrefix) * h);
}

/** χ² cumulative distribution with `df` degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
	return gammaP(df / 2, x / 2);
}

/** χ² quantile: the x with chiSquareCdf(x, df) = p, by Newton steps kept inside a bisection bracket. */
export function chiSquareQuantile(p: number, df: number): number {
	if (!(df > 0) || !(p >= 0 && p <= 1)) return Number.NaN;
	if (p === 0) return 0;
	if (p === 1) return Number.POSITIVE_INFINITY;
	let lo = 0;
	let hi = Math.max(1, df);
	while (chiSquareCdf(hi, df) < p) {
		lo = hi;
		hi *= 2;
	}
	let x = Math.max(df, (lo + hi) / 2);
	if (x >= hi) x = (lo + hi) / 2;
	const a = df / 2;
	const logNorm = -a * Math.LN2 - logGamma(a);
	for (let iter = 0; iter < 200; iter++) {
		const f = chiSquareCdf(x, df) - p;
		if (f === 0) return x;
		if (f < 0) lo = x;
		else hi = x;
		const density = Math.exp(logNorm + (a - 1) * Math.log(x) - x / 2);
		let next = x - f / density;
		if (!(next > lo && next < hi)) next = (lo + hi) / 2;
		if (Math.abs(next - x) <= 1e-15 * x) return next;
		x = next;
		if (hi - lo <= 1e-15 * hi) return x;
	}
	return x;
}
