import { jaccard } from './shingles';

// 16 bands of 3 rows: a pair with Jaccard 0.7 becomes a candidate with probability 0.998, one with 0.3 with 0.35.
const BANDS = 16;
const ROWS = 3;
const K = BANDS * ROWS;
const MUL = Uint32Array.from({ length: K }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const ADD = Uint32Array.from({ length: K }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);
const INDEX_BITS = 22;

/**
 * Groups of near-identical texts by MinHash + LSH: per band, texts are sorted by their band key and
 * each run of equal keys is checked against its first member with the exact Jaccard, so no step
 * compares all pairs. Returns a group id per text (texts alone keep their own index).
 * @example const group = nearDuplicateGroups(sets, 0.8);
 */
export function nearDuplicateGroups(sets: readonly Uint32Array[], threshold: number): Int32Array {
	const n = sets.length;
	if (n >= 2 ** INDEX_BITS * 4) throw new Error(`too many distinct answers for one pass (${n})`);
	const parent = Int32Array.from({ length: n }, (_, i) => i);
	const find = (x: number): number => {
		while (parent[x] !== x) x = parent[x] = parent[parent[x]];
		return x;
	};
	const keys = new Uint32Array(n * BANDS);
	const sig = new Uint32Array(K);
	for (let t = 0; t < n; t++) {
		sig.fill(0xffffffff);
		const s = sets[t];
		for (let j = 0; j < s.length; j++) {
			const x = s[j];
			for (let k = 0; k < K; k++) {
				const v = (Math.imul(x, MUL[k]) + ADD[k]) >>> 0;
				if (v < sig[k]) sig[k] = v;
			}
		}
		for (let b = 0; b < BANDS; b++) {
			let h = 0x811c9dc5;
			for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r], 0x01000193);
			keys[t * BANDS + b] = h >>> 0;
		}
	}
	// Band key (high bits) and text index packed into one double, so one typed-array sort groups a band.
	const packed = new Float64Array(n);
	const shift = 2 ** Math.max(INDEX_BITS, Math.ceil(Math.log2(n + 1)));
	const keyBits = 2 ** (53 - Math.log2(shift));
	for (let b = 0; b < BANDS; b++) {
		for (let t = 0; t < n; t++) packed[t] = Math.floor((keys[t * BANDS + b] / 2 ** 32) * keyBits) * shift + t;
		packed.sort();
		let lead = -1;
		let leadKey = -1;
		for (let i = 0; i < n; i++) {
			const key = Math.floor(packed[i] / shift);
			const t = packed[i] - key * shift;
			if (key !== leadKey) {
				leadKey = key;
				lead = t;
				continue;
			}
			const a = find(lead);
			const c = find(t);
			if (a !== c && jaccard(sets[lead], sets[t]) >= threshold) parent[Math.max(a, c)] = Math.min(a, c);
		}
	}
	const group = new Int32Array(n);
	for (let t = 0; t < n; t++) group[t] = find(t);
	return group;
}
