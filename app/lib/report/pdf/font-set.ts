import { visualOrder } from './arabic';
import type { TrueType } from './truetype';

export interface GlyphRun {
	/** Index of the font in the set. */
	font: number;
	gids: number[];
	/** The characters of each glyph, for the PDF's ToUnicode map (text extraction, search). */
	chars: string[];
}

/**
 * Embedded fonts tried in order for each character (e.g. DejaVu Sans, then a CJK fallback); keeps
 * the glyphs used per font, so the writer embeds only those.
 */
export class FontSet {
	readonly used: Map<number, string>[];

	constructor(readonly fonts: readonly TrueType[]) {
		this.used = fonts.map(() => new Map());
	}

	runs(text: string): GlyphRun[] {
		const out: GlyphRun[] = [];
		for (const { display, source: ch } of visualOrder(text)) {
			const cp = display.codePointAt(0)!;
			let font = this.fonts.findIndex((f) => f.glyph(cp) !== 0);
			if (font < 0) font = 0;
			const gid = this.fonts[font].glyph(cp);
			const last = out.at(-1);
			if (last?.font === font) {
				last.gids.push(gid);
				last.chars.push(ch);
			} else out.push({ font, gids: [gid], chars: [ch] });
		}
		return out;
	}

	/** Width of the text in points at this size. */
	width(text: string, size: number): number {
		let w = 0;
		for (const r of this.runs(text)) for (const g of r.gids) w += this.fonts[r.font].width(g);
		return (w * size) / 1000;
	}

	/** Marks a run's glyphs as used and returns it as a PDF hex string of 2-byte glyph ids. */
	encode(run: GlyphRun): string {
		run.gids.forEach((g, i) => this.used[run.font].set(g, run.chars[i]));
		return `<${run.gids.map((g) => g.toString(16).padStart(4, '0')).join('')}>`;
	}
}
