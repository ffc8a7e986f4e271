import { createIndexColumn, setAllNull, setNull } from './index-column';
import { pearson } from './pearson';
import type { Recoding } from './reverse';
import type { IndexColumn } from './types';

/**
 * Even-odd consistency as careless::evenodd (≥ 1.2.0) on a data frame: per factor the means of its
 * odd- and even-position items (missing answers skipped), Pearson r of those means across factors,
 * Spearman-Brown 2r/(1 + r) floored at −1, then negated so that higher means more careless.
 */
export function evenodd(matrix: Float64Array, n: number, k: number, factors: number[][] | undefined, rec: Recoding): IndexColumn {
	const out = createIndexColumn(n);
	if (!factors || factors.length < 2) {
		setAllNull(out, 'even-odd consistency needs at least 2 factors');
		return out;
	}
	const m = factors.length;
	const even = new Float64Array(m);
	const odd = new Float64Array(m);
	for (let r = 0; r < n; r++) {
		const base = r * k;
		for (let f = 0; f < m; f++) {
			const items = factors[f];
			let se = 0;
			let ne = 0;
			let so = 0;
			let no = 0;
			for (let p = 0; p < items.length; p++) {
				const j = items[p];
				const x = matrix[base + j];
				if (x !== x) continue;
				const v = rec.offset[j] + rec.sign[j] * x;
				if (p % 2 === 1) {
					se += v;
					ne++;
				} else {
					so += v;
					no++;
				}
			}
			even[f] = ne > 0 ? se / ne : Number.NaN;
			odd[f] = no > 0 ? so / no : Number.NaN;
		}
		const rho = pearson(even, odd, m);
		if (Number.isNaN(rho)) {
			setNull(out, r, whyNoCorrelation(even, odd, m));
			continue;
		}
		let sb = (2 * rho) / (1 + rho);
		if (sb < -1) sb = -1;
		out.values[r] = -sb;
	}
	return out;
}

function whyNoCorrelation(even: Float64Array, odd: Float64Array, m: number): string {
	let complete = 0;
	for (let f = 0; f < m; f++) if (even[f] === even[f] && odd[f] === odd[f]) complete++;
	return complete < 2 ? 'fewer than 2 factors have both odd and even items answered' : 'odd or even means do not vary across factors';
}
