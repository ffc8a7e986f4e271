/**
 * A fixed set of words with a number each, looked up by a slice of UTF-16 units (no substring is
 * made): open addressing on an FNV-1a hash, every hit verified unit by unit.
 */
export interface WordTable {
	/** The word's value, or 0 when the slice is not one of the words. */
	get(units: Uint16Array, start: number, end: number): number;
}

function hash(units: ArrayLike<number>, start: number, end: number): number {
	let h = 0x811c9dc5;
	for (let i = start; i < end; i++) h = Math.imul(h ^ units[i], 0x01000193);
	return h >>> 0;
}

export function createWordTable(words: ReadonlyMap<string, number>): WordTable {
	let size = 16;
	while (size < words.size * 4) size *= 2;
	const mask = size - 1;
	const slotStart = new Int32Array(size).fill(-1);
	const slotEnd = new Int32Array(size);
	const slotValue = new Int32Array(size);
	const pool = new Uint16Array([...words.keys()].reduce((n, w) => n + w.length, 0));
	let used = 0;
	for (const [word, value] of words) {
		const start = used;
		for (let i = 0; i < word.length; i++) pool[used++] = word.charCodeAt(i);
		let s = hash(pool, start, used) & mask;
		while (slotStart[s] >= 0) s = (s + 1) & mask;
		slotStart[s] = start;
		slotEnd[s] = used;
		slotValue[s] = value;
	}
	return {
		get(units, start, end) {
			for (let s = hash(units, start, end) & mask; slotStart[s] >= 0; s = (s + 1) & mask) {
				const a = slotStart[s];
				if (slotEnd[s] - a !== end - start) continue;
				let same = true;
				for (let i = 0; i < end - start && same; i++) same = pool[a + i] === units[start + i];
				if (same) return slotValue[s];
			}
			return 0;
		}
	};
}
