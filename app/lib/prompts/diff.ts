/** One line of a diff: kept, added in the newer text, or removed from the older one. */
export interface DiffLine {
	op: 'same' | 'add' | 'remove';
	text: string;
}

/**
 * Line diff of two texts by longest common subsequence (prompts are short: the quadratic table is
 * at most a few hundred lines square).
 */
export function diffLines(older: string, newer: string): DiffLine[] {
	const a = older.split('\n');
	const b = newer.split('\n');
	const lcs = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
		}
	}
	const out: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			out.push({ op: 'same', text: a[i++] });
			j++;
		} else if (lcs[i + 1][j] >= lcs[i][j + 1]) out.push({ op: 'remove', text: a[i++] });
		else out.push({ op: 'add', text: b[j++] });
	}
	while (i < a.length) out.push({ op: 'remove', text: a[i++] });
	while (j < b.length) out.push({ op: 'add', text: b[j++] });
	return out;
}
