import { clampCorrelation } from './pairwise';

/**
 * Pearson r of x and y over the positions where both are present (R's cor with
 * use = "pairwise.complete.obs"); NaN with fewer than 2 such positions or a zero variance.
 */
export function pearson(x: Float64Array, y: Float64Array, length: number): number {
	let count = 0;
	let sx = 0;
	let sy = 0;
	for (let i = 0; i < length; i++) {
		const a = x[i];
		const b = y[i];
		if (a !== a || b !== b) continue;
		count++;
		sx += a;
		sy += b;
	}
	if (count < 2) return Number.NaN;
	const mx = sx / count;
	const my = sy / count;
	let cross = 0;
	let ssx = 0;
	let ssy = 0;
	for (let i = 0; i < length; i++) {
		const a = x[i];
		const b = y[i];
		if (a !== a || b !== b) continue;
		const dx = a - mx;
		const dy = b - my;
		cross += dx * dy;
		ssx += dx * dx;
		ssy += dy * dy;
	}
	if (ssx === 0 || ssy === 0) return Number.NaN;
	return clampCorrelation(cross / (Math.sqrt(ssx) * Math.sqrt(ssy)));
}
