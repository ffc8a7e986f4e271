import { createIndexColumn, setAllNull } from './index-column';
import type { IndexColumn } from './types';

/**
 * Runs of identical consecutive answers per respondent. A missing answer equals nothing, so it is a
 * run of its own, as R's rle() treats NA; an all-missing row therefore has longstring 1, as in careless.
 */
export function longstring(matrix: Float64Array, n: number, k: number): { longstring: IndexColumn; longstringAvg: IndexColumn } {
	const longest = createIndexColumn(n);
	const avg = createIndexColumn(n);
	if (k === 0) {
		setAllNull(longest, 'the grid has no items');
		setAllNull(avg, 'the grid has no items');
		return { longstring: longest, longstringAvg: avg };
	}
	for (let r = 0; r < n; r++) {
		const base = r * k;
		let runs = 1;
		let run = 1;
		let max = 1;
		let prev = matrix[base];
		for (let j = 1; j < k; j++) {
			const v = matrix[base + j];
			if (v === prev) {
				run++;
				if (run > max) max = run;
			} else {
				runs++;
				run = 1;
			}
			prev = v;
		}
		longest.values[r] = max;
		avg.values[r] = k / runs;
	}
	return { longstring: longest, longstringAvg: avg };
}
