/**
 * Just enough TrueType to embed a font in a PDF: the character map, advance widths, metrics and a
 * subset that keeps glyph ids (unused outlines emptied), so the PDF carries only the glyphs it shows.
 * @see https://learn.microsoft.com/typography/opentype/spec/ (cmap formats 4 and 12, glyf, loca)
 */
export interface TrueType {
	unitsPerEm: number;
	ascent: number;
	descent: number;
	bbox: [number, number, number, number];
	/** Glyph id of a code point; 0 (.notdef) when the font lacks it. */
	glyph(codePoint: number): number;
	/** Advance width of a glyph in 1/1000 em. */
	width(gid: number): number;
	/** The font with every glyph outside `gids` (and their components) emptied. */
	subset(gids: Iterable<number>): Uint8Array;
}

const SUBSET_TABLES = ['head', 'hhea', 'hmtx', 'maxp', 'loca', 'glyf', 'cvt ', 'fpgm', 'prep'];

export function parseTrueType(bytes: Uint8Array): TrueType {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const tables = new Map<string, { offset: number; length: number }>();
	const count = view.getUint16(4);
	for (let i = 0; i < count; i++) {
		const at = 12 + 16 * i;
		const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
		tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
	}
	const table = (tag: string) => {
		const t = tables.get(tag);
		if (!t) throw new Error(`font has no ${tag} table`);
		return t;
	};
	const head = table('head').offset;
	const unitsPerEm = view.getUint16(head + 18);
	const longLoca = view.getInt16(head + 50) === 1;
	const numGlyphs = view.getUint16(table('maxp').offset + 4);
	const hhea = table('hhea').offset;
	const numMetrics = view.getUint16(hhea + 34);
	const hmtx = table('hmtx').offset;
	const scale = 1000 / unitsPerEm;
	const loca = table('loca').offset;
	const glyfAt = table('glyf').offset;
	const glyphStart = (g: number) => (longLoca ? view.getUint32(loca + 4 * g) : 2 * view.getUint16(loca + 2 * g));
	const cmap = readCmap(view, table('cmap').offset);

	return {
		unitsPerEm,
		ascent: Math.round(view.getInt16(hhea + 4) * scale),
		descent: Math.round(view.getInt16(hhea + 6) * scale),
		bbox: [0, 2, 4, 6].map((o) => Math.round(view.getInt16(head + 36 + o) * scale)) as TrueType['bbox'],
		glyph: (cp) => cmap(cp),
		width: (gid) => Math.round(view.getUint16(hmtx + 4 * Math.min(gid, numMetrics - 1)) * scale),
		subset(gids) {
			const keep = new Set<number>([0]);
			const stack = [...gids];
			while (stack.length) {
				const g = stack.pop()!;
				if (keep.has(g) || g >= numGlyphs) continue;
				keep.add(g);
				stack.push(...components(view, glyfAt + glyphStart(g), glyphStart(g + 1) - glyphStart(g)));
			}
			const parts: Uint8Array[] = [];
			const offsets = new Uint32Array(numGlyphs + 1);
			let size = 0;
			for (let g = 0; g < numGlyphs; g++) {
				offsets[g] = size;
				if (!keep.has(g)) continue;
				const part = bytes.subarray(glyfAt + glyphStart(g), glyfAt + glyphStart(g + 1));
				parts.push(part);
				size += part.length + (part.length % 4 ? 4 - (part.length % 4) : 0);
				if (part.length % 4) parts.push(new Uint8Array(4 - (part.length % 4)));
			}
			offsets[numGlyphs] = size;
			const glyf = concat(parts);
			const locaOut = new Uint8Array(4 * (numGlyphs + 1));
			const lv = new DataView(locaOut.buffer);
			offsets.forEach((o, i) => lv.setUint32(4 * i, o));
			const headOut = bytes.slice(head, head + table('head').length);
			new DataView(headOut.buffer).setInt16(50, 1);
			new DataView(headOut.buffer).setUint32(8, 0);
			const out = new Map<string, Uint8Array>([
				['head', headOut],
				['loca', locaOut],
				['glyf', glyf]
			]);
			for (const tag of SUBSET_TABLES)
				if (!out.has(tag) && tables.has(tag))
					out.set(tag, bytes.subarray(tables.get(tag)!.offset, tables.get(tag)!.offset + tables.get(tag)!.length));
			return assemble(out);
		}
	};
}

/** Glyph ids a composite glyph is built from; none for a simple glyph. */
function components(view: DataView, at: number, length: number): number[] {
	if (length <= 0 || view.getInt16(at) >= 0) return [];
	const out: number[] = [];
	let p = at + 10;
	for (;;) {
		const flags = view.getUint16(p);
		out.push(view.getUint16(p + 2));
		p += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
		if (!(flags & 0x20)) return out;
	}
}

function readCmap(view: DataView, cmap: number): (cp: number) => number {
	const n = view.getUint16(cmap + 2);
	let best: { format: number; at: number } | null = null;
	for (let i = 0; i < n; i++) {
		const platform = view.getUint16(cmap + 4 + 8 * i);
		const encoding = view.getUint16(cmap + 6 + 8 * i);
		const at = cmap + view.getUint32(cmap + 8 + 8 * i);
		const format = view.getUint16(at);
		if (platform === 3 && encoding === 10 && format === 12) best = { format, at };
		else if (platform === 3 && encoding === 1 && format === 4 && best?.format !== 12) best = { format, at };
	}
	if (!best) throw new Error('font has no Unicode character map');
	const at = best.at;
	if (best.format === 12) {
		const groups = view.getUint32(at + 12);
		return (cp) => {
			let lo = 0;
			let hi = groups - 1;
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				const g = at + 16 + 12 * mid;
				if (cp < view.getUint32(g)) hi = mid - 1;
				else if (cp > view.getUint32(g + 4)) lo = mid + 1;
				else return view.getUint32(g + 8) + cp - view.getUint32(g);
			}
			return 0;
		};
	}
	const segs = view.getUint16(at + 6) / 2;
	const ends = at + 14;
	const starts = ends + 2 * segs + 2;
	const deltas = starts + 2 * segs;
	const ranges = deltas + 2 * segs;
	return (cp) => {
		if (cp > 0xffff) return 0;
		for (let i = 0; i < segs; i++) {
			if (cp > view.getUint16(ends + 2 * i)) continue;
			const start = view.getUint16(starts + 2 * i);
			if (cp < start) return 0;
			const range = view.getUint16(ranges + 2 * i);
			const delta = view.getInt16(deltas + 2 * i);
			if (!range) return (cp + delta) & 0xffff;
			const g = view.getUint16(ranges + 2 * i + range + 2 * (cp - start));
			return g ? (g + delta) & 0xffff : 0;
		}
		return 0;
	};
}

function concat(parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

/** An sfnt file from its tables, each 4-byte aligned, with checksums. */
function assemble(tables: Map<string, Uint8Array>): Uint8Array {
	const tags = [...tables.keys()].sort();
	const headerSize = 12 + 16 * tags.length;
	let size = headerSize;
	for (const t of tags) size += (tables.get(t)!.length + 3) & ~3;
	const out = new Uint8Array(size);
	const v = new DataView(out.buffer);
	v.setUint32(0, 0x00010000);
	v.setUint16(4, tags.length);
	let at = headerSize;
	tags.forEach((tag, i) => {
		const data = tables.get(tag)!;
		out.set(data, at);
		let sum = 0;
		for (let j = 0; j < data.length; j += 4) sum = (sum + v.getUint32(at + j)) >>> 0;
		const rec = 12 + 16 * i;
		for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
		v.setUint32(rec + 4, sum);
		v.setUint32(rec + 8, at);
		v.setUint32(rec + 12, data.length);
		at += (data.length + 3) & ~3;
	});
	return out;
}
