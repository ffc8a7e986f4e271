/**
 * Arabic as a PDF must draw it: each letter in its contextual form (isolated, final, initial,
 * medial) from the Presentation Forms-B block, and right-to-left runs in visual order. Each glyph
 * keeps the letter it stands for, so text extraction gives the text as typed.
 * @see Unicode ArabicShaping.txt; Presentation Forms-B (U+FE70–U+FEFF)
 */

// Forms per letter in U+FE80 block order (1 none, 2 right-joining, 4 dual-joining): U+0621–U+063A, then U+0641–U+064A.
const FORM_COUNTS = '12222424244444222244444444' + '4444444224';

const FORMS = new Map<number, { first: number; forms: number }>();
{
	let at = 0xfe80;
	[...FORM_COUNTS].forEach((n, i) => {
		FORMS.set(i < 26 ? 0x621 + i : 0x641 + i - 26, { first: at, forms: Number(n) });
		at += Number(n);
	});
}

const isRtl = (cp: number) => (cp >= 0x590 && cp <= 0x8ff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc);

/** A glyph to draw: `display` is the character looked up in the font, `source` what it stands for. */
export interface Shaped {
	display: string;
	source: string;
}

function shape(chars: string[]): Shaped[] {
	const info = chars.map((c) => FORMS.get(c.codePointAt(0)!));
	return chars.map((c, i) => {
		const f = info[i];
		if (!f || f.forms === 1) return { display: c, source: c };
		const prev = info[i - 1];
		const next = info[i + 1];
		const joinsPrev = prev?.forms === 4;
		const joinsNext = f.forms === 4 && !!next && next.forms > 1;
		const form = joinsPrev && joinsNext ? 3 : joinsPrev ? 1 : joinsNext ? 2 : 0;
		return { display: String.fromCodePoint(f.first + Math.min(form, f.forms - 1)), source: c };
	});
}

/** The line's glyphs in drawing order: Arabic shaped, right-to-left runs (with the spaces inside them) reversed. */
export function visualOrder(text: string): Shaped[] {
	const chars = shape([...text]);
	const rtl = chars.map((c) => isRtl(c.source.codePointAt(0)!));
	const out: Shaped[] = [];
	for (let i = 0; i < chars.length;) {
		if (!rtl[i]) {
			out.push(chars[i++]);
			continue;
		}
		let end = i;
		for (let j = i; j < chars.length && (rtl[j] || chars[j].source === ' '); j++) if (rtl[j]) end = j;
		out.push(...chars.slice(i, end + 1).reverse());
		i = end + 1;
	}
	return out;
}
