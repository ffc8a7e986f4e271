/** `CLASSES[u]` of a BMP code unit: LETTER for `/\p{L}/u`, NUMBER for `/\p{N}/u`, else 0. */
export const LETTER = 1;
export const NUMBER = 2;

// Filled once from the regex classes so the scanning loops agree with them exactly.
export const CLASSES: Uint8Array = (() => {
	const t = new Uint8Array(65536);
	const letter = /\p{L}/u;
	const number = /\p{N}/u;
	for (let c = 0; c < 65536; c++) {
		if (c >= 0xd800 && c <= 0xdfff) continue;
		const ch = String.fromCharCode(c);
		if (letter.test(ch)) t[c] = LETTER;
		else if (number.test(ch)) t[c] = NUMBER;
	}
	return t;
})();

/** The class of the code point at `s[i]` (CLASSES' values); astral code points ask the regex. */
export function classAt(s: string, i: number): number {
	const u = s.charCodeAt(i);
	if (u < 0xd800 || u > 0xdbff) return CLASSES[u];
	const cp = s.codePointAt(i)!;
	if (cp <= 0xffff) return 0;
	const ch = String.fromCodePoint(cp);
	return /\p{L}/u.test(ch) ? LETTER : /\p{N}/u.test(ch) ? NUMBER : 0;
}

/** UTF-16 units the code point at `s[i]` takes. */
export const widthAt = (s: string, i: number): number => (s.codePointAt(i)! > 0xffff ? 2 : 1);

/** `/\s/` for one UTF-16 code unit. */
export function isSpace(u: number): boolean {
	if (u < 128) return u === 32 || (u >= 9 && u <= 13);
	return (
		u === 0xa0 ||
		u === 0x1680 ||
		(u >= 0x2000 && u <= 0x200a) ||
		u === 0x2028 ||
		u === 0x2029 ||
		u === 0x202f ||
		u === 0x205f ||
		u === 0x3000 ||
		u === 0xfeff
	);
}
