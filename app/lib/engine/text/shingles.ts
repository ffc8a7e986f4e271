const WORD = /[\p{L}\p{N}]+/gu;

export function fnv1a(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** Lower-cased words without punctuation: what copying preserves, whatever the case and spacing. */
export function words(text: string): string[] {
	return text.toLowerCase().match(WORD) ?? [];
}

/** Sorted, distinct hashes of word bigrams (the single word of a one-word text). */
export function bigramHashes(ws: readonly string[]): Uint32Array {
	const hs = ws.map(fnv1a);
	const out = new Uint32Array(Math.max(1, hs.length - 1));
	if (hs.length === 1) out[0] = hs[0];
	for (let i = 1; i < hs.length; i++) out[i - 1] = (Math.imul(hs[i - 1], 0x9e3779b1) ^ hs[i]) >>> 0;
	out.sort();
	let n = 0;
	for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
	return out.slice(0, n);
}

/** Jaccard similarity of two sorted, distinct hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
	let i = 0;
	let j = 0;
	let common = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			common++;
			i++;
			j++;
		} else if (a[i] < b[j]) i++;
		else j++;
	}
	return common / (a.length + b.length - common || 1);
}
