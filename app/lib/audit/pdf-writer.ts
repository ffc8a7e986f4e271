import type { FontSet } from '../report/pdf/font-set';
import type { TrueType } from '../report/pdf/truetype';

/** A line of text on a page; x, y in points from the bottom-left corner. */
export type PdfText = { x: number; y: number; size: number; font: PdfFont; text: string };
/** The standard 14 fonts (WinAnsi only), or `unicode`: the embedded fonts of the FontSet given to writePdf. */
export type PdfFont = 'sans' | 'sans-bold' | 'mono' | 'unicode';
/** A filled rectangle (bars of a chart); colour as RGB 0..1. */
export type PdfRect = { x: number; y: number; w: number; h: number; color: [number, number, number] };
export type PdfPage = { width: number; height: number; texts: PdfText[]; rects?: PdfRect[] };
type StandardFont = Exclude<PdfFont, 'unicode'>;

const FONTS: Record<StandardFont, { ref: string; base: string }> = {
	sans: { ref: 'F1', base: 'Helvetica' },
	'sans-bold': { ref: 'F2', base: 'Helvetica-Bold' },
	mono: { ref: 'F3', base: 'Courier' }
};

/**
 * A minimal PDF 1.4 with text pages in the standard 14 fonts, WinAnsi encoded (characters outside
 * WinAnsi print as "?"), and with `unicode` text in embedded TrueType subsets (Type0 / Identity-H,
 * with a ToUnicode map so the text can be searched and extracted).
 * @see PDF 1.4 reference §3.4 (file structure), §5.6 (Type0 fonts) and Appendix D (WinAnsiEncoding)
 */
export function writePdf(pages: readonly PdfPage[], info: { title: string; producer?: string }, unicode?: FontSet): Uint8Array {
	const fontIds = { sans: 3, 'sans-bold': 4, mono: 5 } as const;
	const firstPage = 7;
	const pageIds = pages.map((_, i) => firstPage + 2 * i);
	const objects: string[] = [];
	objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
	objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
	for (const font of Object.keys(FONTS) as StandardFont[]) {
		objects[fontIds[font]] = `<< /Type /Font /Subtype /Type1 /BaseFont /${FONTS[font].base} /Encoding /WinAnsiEncoding >>`;
	}
	objects[6] = `<< /Title ${pdfString(info.title)} /Producer ${pdfString(info.producer ?? 'Sieve')} >>`;
	const show = (t: PdfText) => {
		if (t.font !== 'unicode') return `BT /${FONTS[t.font].ref} ${num(t.size)} Tf ${num(t.x)} ${num(t.y)} Td ${pdfString(t.text)} Tj ET`;
		if (!unicode) throw new Error('unicode text needs the embedded fonts');
		const runs = unicode.runs(t.text).map((r) => `/U${r.font} ${num(t.size)} Tf ${unicode.encode(r)} Tj`);
		return `BT ${num(t.x)} ${num(t.y)} Td ${runs.join(' ')} ET`;
	};
	const contents = pages.map((page) => {
		const rects = (page.rects ?? []).map((r) => `${r.color.map(num).join(' ')} rg ${num(r.x)} ${num(r.y)} ${num(r.w)} ${num(r.h)} re f`);
		return [...rects, ...(rects.length ? ['0 g'] : []), ...page.texts.map(show)].join('\n');
	});
	// only the embedded fonts some text used are written, after the pages
	const embedded = (unicode?.fonts ?? []).flatMap((font, i) => (unicode!.used[i].size ? [{ font, i }] : []));
	const fontId = (n: number) => firstPage + 2 * pages.length + 5 * n;
	const refs = embedded.map(({ i }, n) => `/U${i} ${fontId(n)} 0 R`);
	const resources = `<< /Font << ${(Object.keys(FONTS) as StandardFont[]).map((f) => `/${FONTS[f].ref} ${fontIds[f]} 0 R`).join(' ')} ${refs.join(' ')} >> >>`;
	pages.forEach((page, i) => {
		const content = contents[i];
		objects[pageIds[i]] =
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] /Resources ${resources} /Contents ${pageIds[i] + 1} 0 R >>`;
		objects[pageIds[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
	});

	embedded.forEach(({ font, i }, n) => embedFont(objects, fontId(n), font, unicode!.used[i], i));

	// Every string here holds only char codes < 256, so its length is its byte length.
	let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
	const offsets: number[] = [];
	for (let id = 1; id < objects.length; id++) {
		offsets[id] = out.length;
		out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
	}
	const xref = out.length;
	out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
	for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
	out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	const bytes = new Uint8Array(out.length);
	for (let i = 0; i < out.length; i++) bytes[i] = out.charCodeAt(i);
	return bytes;
}

/** Type0 font, its CIDFontType2, descriptor, subset file and ToUnicode map at ids id..id+4. */
function embedFont(objects: string[], id: number, font: TrueType, used: Map<number, string>, n: number): void {
	const gids = [...used.keys()].sort((a, b) => a - b);
	const file = font.subset(gids);
	let bin = '';
	for (let i = 0; i < file.length; i += 8192) bin += String.fromCharCode(...file.subarray(i, i + 8192));
	const name = `/SIEVE${String.fromCharCode(65 + (n % 26))}+Embedded`;
	const widths = gids.map((g) => `${g} [${font.width(g)}]`).join(' ');
	objects[id] =
		`<< /Type /Font /Subtype /Type0 /BaseFont ${name} /Encoding /Identity-H /DescendantFonts [${id + 1} 0 R] /ToUnicode ${id + 4} 0 R >>`;
	objects[id + 1] =
		`<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${id + 2} 0 R /CIDToGIDMap /Identity /DW 1000 /W [${widths}] >>`;
	objects[id + 2] =
		`<< /Type /FontDescriptor /FontName ${name} /Flags 32 /FontBBox [${font.bbox.join(' ')}] /ItalicAngle 0 /Ascent ${font.ascent} /Descent ${font.descent} /CapHeight ${font.ascent} /StemV 80 /FontFile2 ${id + 3} 0 R >>`;
	objects[id + 3] = `<< /Length ${bin.length} /Length1 ${bin.length} >>\nstream\n${bin}\nendstream`;
	const hex = (s: string) => [...s].map((c) => utf16Hex(c)).join('');
	const chunks: string[] = [];
	for (let i = 0; i < gids.length; i += 100) {
		const part = gids.slice(i, i + 100);
		chunks.push(
			`${part.length} beginbfchar\n${part.map((g) => `<${g.toString(16).padStart(4, '0')}> <${hex(used.get(g)!)}>`).join('\n')}\nendbfchar`
		);
	}
	const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n${chunks.join('\n')}\nendcmap CMapName currentdict /CMap defineresource pop end end`;
	objects[id + 4] = `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`;
}

function utf16Hex(ch: string): string {
	let out = '';
	for (let i = 0; i < ch.length; i++) out += ch.charCodeAt(i).toString(16).padStart(4, '0');
	return out;
}

const WIN_ANSI_EXTRA: Record<string, number> = {
	'€': 0x80,
	'‚': 0x82,
	ƒ: 0x83,
	'„': 0x84,
	'…': 0x85,
	'†': 0x86,
	'‡': 0x87,
	ˆ: 0x88,
	'‰': 0x89,
	Š: 0x8a,
	'‹': 0x8b,
	Œ: 0x8c,
	Ž: 0x8e,
	'‘': 0x91,
	'’': 0x92,
	'“': 0x93,
	'”': 0x94,
	'•': 0x95,
	'–': 0x96,
	'—': 0x97,
	'˜': 0x98,
	'™': 0x99,
	š: 0x9a,
	'›': 0x9b,
	œ: 0x9c,
	ž: 0x9e,
	Ÿ: 0x9f
};

/** A PDF literal string in WinAnsi bytes (as char codes < 256), with ( ) \ escaped. */
function pdfString(text: string): string {
	let s = '(';
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		if (ch === '(' || ch === ')' || ch === '\\') s += `\\${ch}`;
		else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) s += ch;
		else if (WIN_ANSI_EXTRA[ch] !== undefined) s += String.fromCharCode(WIN_ANSI_EXTRA[ch]);
		else s += code < 0x20 ? ' ' : '?';
	}
	return `${s})`;
}

function num(n: number): string {
	return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
