import { createIndexColumn, setNull } from './index-column';
import type { IndexColumn } from './types';

/** Intra-individual response variability: sample SD (n − 1) of a respondent's non-missing answers. */
export function irv(matrix: Float64Array, n: number, k: number): IndexColumn {
	const out = createIndexColumn(n);
	for (let r = 0; r < n; r++) {
		const base = r * k;
		let count = 0;
		let sum = 0;
		for (let j = 0; j < k; j++) {
			const v = matrix[base + j];
			if (v === v) {
				count++;
				sum += v;
			}
		}
		if (count < 2) {
			setNull(out, r, 'fewer than 2 answers');
			continue;
		}
		const mean = sum / count;
		let ss = 0;
		for (let j = 0; j < k; j++) {
			const v = matrix[base + j];
			if (v === v) ss += (v - mean) * (v - mean);
		}
		out.values[r] = Math.sqrt(ss / (count - 1));
	}
	return out;
}
