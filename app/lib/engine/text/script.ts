const SCRIPTS: [string, RegExp][] = [
	['Latin', /\p{Script=Latin}/u],
	['Cyrillic', /\p{Script=Cyrillic}/u],
	['Greek', /\p{Script=Greek}/u],
	['Arabic', /\p{Script=Arabic}/u],
	['Hebrew', /\p{Script=Hebrew}/u],
	['Han', /\p{Script=Han}/u],
	['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
	['Hangul', /\p{Script=Hangul}/u],
	['Devanagari', /\p{Script=Devanagari}/u],
	['Thai', /\p{Script=Thai}/u],
	['Armenian', /\p{Script=Armenian}/u],
	['Georgian', /\p{Script=Georgian}/u]
];

/** The script most of a text's letters are written in ('' when it has no letters). */
export function dominantScript(text: string): string {
	const counts = new Map<string, number>();
	for (const ch of text) {
		if (ch.charCodeAt(0) < 128 ? !/[a-z]/i.test(ch) : !/\p{L}/u.test(ch)) continue;
		const s = ch.charCodeAt(0) < 128 ? 'Latin' : (SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'Other');
		counts.set(s, (counts.get(s) ?? 0) + 1);
	}
	let best = '';
	let n = 0;
	for (const [s, c] of counts) if (c > n) [best, n] = [s, c];
	return best;
}
