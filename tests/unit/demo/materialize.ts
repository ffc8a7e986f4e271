import type { Demo } from '../../../app/lib/demo/index';

export type Value = number | string | null;

/** Test helper: all rows of a small demo as one array per variable name. */
export function materialize(demo: Demo): Record<string, Value[]> {
	const out: Record<string, Value[]> = {};
	const vars = demo.dictionary.variables;
	for (const v of vars) out[v.name] = [];
	for (const b of demo.batches()) vars.forEach((v, c) => out[v.name].push(...Array.from(b.columns[c] as ArrayLike<Value>)));
	return out;
}

export function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function pearson(xs: number[], ys: number[]): number {
	const n = xs.length;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (xs[i] - mx) * (ys[i] - my);
		sxx += (xs[i] - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	}
	return sxy / Math.sqrt(sxx * syy);
}
