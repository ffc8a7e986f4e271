/** A line of text on a page; x, y in points from the bottom-left corner. */
export type PdfText = { x: number; y: number; size: number; font: PdfFont; text: string };
export type PdfFont = 'sans' | 'sans-bold' | 'mono';
export type PdfPage = { width: number; height: number; texts: PdfText[] };

const FONTS: Record<PdfFont, { ref: string; base: string }> = {
	sans: { ref: 'F1', base: 'Helvetica' },
	'sans-bold': { ref: 'F2', base: 'Helvetica-Bold' },
	mono: { ref: 'F3', base: 'Courier' }
};

/**
 * A minimal PDF 1.4 with text pages in the standard 14 fonts (nothing embedded), WinAnsi encoded;
 * characters outside WinAnsi print as "?".
 * @see PDF 1.4 reference §3.4 (file structure) and Appendix D (WinAnsiEncoding)
 */
export function writePdf(pages: readonly PdfPage[], info: { title: string; producer?: string }): Uint8Array {
	const fontIds = { sans: 3, 'sans-bold': 4, mono: 5 } as const;
	const firstPage = 7;
	const pageIds = pages.map((_, i) => firstPage + 2 * i);
	const objects: string[] = [];
	objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
	objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
	for (const font of Object.keys(FONTS) as PdfFont[]) {
		objects[fontIds[font]] = `<< /Type /Font /Subtype /Type1 /BaseFont /${FONTS[font].base} /Encoding /WinAnsiEncoding >>`;
	}
	objects[6] = `<< /Title ${pdfString(info.title)} /Producer ${pdfString(info.producer ?? 'Sieve')} >>`;
	const resources = `<< /Font << ${(Object.keys(FONTS) as PdfFont[]).map((f) => `/${FONTS[f].ref} ${fontIds[f]} 0 R`).join(' ')} >> >>`;
	pages.forEach((page, i) => {
		const content = page.texts
			.map((t) => `BT /${FONTS[t.font].ref} ${num(t.size)} Tf ${num(t.x)} ${num(t.y)} Td ${pdfString(t.text)} Tj ET`)
			.join('\n');
		objects[pageIds[i]] =
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}] /Resources ${resources} /Contents ${pageIds[i] + 1} 0 R >>`;
		objects[pageIds[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
	});

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
