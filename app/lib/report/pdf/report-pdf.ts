import { writePdf, type PdfPage, type PdfRect } from '../../audit/pdf-writer';
import type { Report } from '../../engine/report/types';
import type { Block, Chart, Table } from '../blocks';
import { reportBlocks } from '../report-blocks';
import { FontSet } from './font-set';
import { parseTrueType } from './truetype';

const WIDTH = 595;
const HEIGHT = 842;
const MARGIN = 40;
const INNER = WIDTH - 2 * MARGIN;
const CELL = 8;
const INK: [number, number, number] = [0.18, 0.36, 0.54];
const COLORS: Record<string, [number, number, number]> = {
	'#2e7d32': [0.18, 0.49, 0.2],
	'#c77700': [0.78, 0.47, 0],
	'#b3261e': [0.7, 0.15, 0.12]
};

/** TrueType fonts tried in order per character: a Latin/Greek/Cyrillic/Arabic face, then a CJK fallback. */
export type ReportFonts = Uint8Array[];

class Layout {
	pages: PdfPage[] = [];
	page!: PdfPage;
	y = 0;

	constructor(readonly fonts: FontSet) {
		this.newPage();
	}

	newPage() {
		this.page = { width: WIDTH, height: HEIGHT, texts: [], rects: [] };
		this.pages.push(this.page);
		this.y = HEIGHT - MARGIN;
	}

	need(h: number) {
		if (this.y - h < MARGIN) this.newPage();
	}

	text(text: string, size: number, x = MARGIN) {
		this.page.texts.push({ x, y: this.y - size, size, font: 'unicode', text });
	}

	rect(r: PdfRect) {
		this.page.rects!.push(r);
	}

	/** Cuts text to `width` points, ending in "…" when cut. */
	fit(text: string, size: number, width: number): string {
		if (this.fonts.width(text, size) <= width) return text;
		const chars = [...text];
		while (chars.length && this.fonts.width(`${chars.join('')}…`, size) > width) chars.pop();
		return `${chars.join('')}…`;
	}

	/** Wraps text at spaces to the inner width. */
	paragraph(text: string, size: number) {
		let line = '';
		const flush = () => {
			this.need(size + 3);
			this.text(line, size);
			this.y -= size + 3;
			line = '';
		};
		for (const word of text.split(' ')) {
			const next = line ? `${line} ${word}` : word;
			if (line && this.fonts.width(next, size) > INNER) {
				flush();
				line = word;
			} else line = next;
		}
		if (line) flush();
	}

	table(t: Table) {
		const cols = t.head.length;
		const natural = Array.from({ length: cols }, (_, c) =>
			Math.max(...[t.head[c], ...t.rows.map((r) => r[c])].map((s) => this.fonts.width(s ?? '', CELL) + 8))
		);
		const total = natural.reduce((a, b) => a + b, 0);
		const widths = total <= INNER ? natural : natural.map((w) => Math.max(24, (w * INNER) / total));
		const row = (cells: string[], header: boolean) => {
			this.need(CELL + 4);
			if (header)
				this.rect({ x: MARGIN, y: this.y - CELL - 3, w: widths.reduce((a, b) => a + b, 0), h: CELL + 4, color: [0.93, 0.93, 0.93] });
			let x = MARGIN;
			cells.forEach((c, i) => {
				const s = this.fit(c ?? '', CELL, widths[i] - 6);
				const right = t.align?.[i] === 'right';
				this.text(s, CELL, right ? x + widths[i] - 4 - this.fonts.width(s, CELL) : x + 2);
				x += widths[i];
			});
			this.y -= CELL + 4;
		};
		const header = t.head.some((h) => h);
		if (header) row(t.head, true);
		for (const r of t.rows) {
			if (this.y - (CELL + 4) < MARGIN) {
				this.newPage();
				if (header) row(t.head, true);
			}
			row(r, false);
		}
		this.y -= 6;
	}

	chart(c: Chart) {
		if (c.kind === 'bars') {
			const h = c.items.length * 11 + 4;
			this.need(h);
			const max = c.max ?? Math.max(1, ...c.items.map((i) => i.value));
			const labelW = 110;
			c.items.forEach((it, i) => {
				const y = this.y - 11 * (i + 1);
				this.page.texts.push({ x: MARGIN, y: y + 2, size: 7.5, font: 'unicode', text: this.fit(it.label, 7.5, labelW - 6) });
				const w = ((INNER / 2 - labelW) * it.value) / max;
				if (w > 0) this.rect({ x: MARGIN + labelW, y, w, h: 9, color: (it.color && COLORS[it.color]) || INK });
			});
			this.y -= h + 4;
			return;
		}
		const h = 70;
		this.need(h + 14);
		const max = Math.max(1, ...c.bins.map((b) => b.count));
		const bw = INNER / 2 / Math.max(1, c.bins.length);
		c.bins.forEach((b, i) => {
			const bh = (h * b.count) / max;
			if (bh > 0) this.rect({ x: MARGIN + i * bw, y: this.y - h, w: Math.max(0.5, bw - 1), h: bh, color: INK });
		});
		if (c.marker !== undefined && c.bins.length) {
			const lo = c.bins[0].from;
			const hi = c.bins.at(-1)!.to;
			const x = MARGIN + ((c.marker - lo) / (hi - lo || 1)) * (INNER / 2);
			this.rect({ x, y: this.y - h, w: 0.8, h, color: [0.7, 0.15, 0.12] });
		}
		this.y -= h + 6;
	}

	block(b: Block) {
		switch (b.kind) {
			case 'title':
				this.need(24);
				this.text(b.text, 16);
				this.y -= 26;
				return;
			case 'heading':
				if (this.y < HEIGHT / 3) this.newPage();
				this.y -= 8;
				this.need(20);
				this.text(b.text, 13);
				this.y -= 19;
				return;
			case 'subheading':
				this.need(40);
				this.y -= 4;
				this.text(b.text, 10);
				this.y -= 15;
				return;
			case 'text':
				this.paragraph(b.text, 9);
				this.y -= 3;
				return;
			case 'grade':
				this.need(40);
				this.text(`Grade ${b.letter}: quality index ${b.index}`, 14);
				this.y -= 20;
				this.paragraph(b.caption, 8);
				this.y -= 4;
				return;
			case 'table':
				if (b.table.rows.length) this.table(b.table);
				else this.paragraph('None.', 9);
				return;
			case 'figure':
				this.chart(b.chart);
				this.table(b.table);
		}
	}
}

/**
 * The report as a PDF (A4): the same blocks, text and numbers as the HTML, charts drawn as bars,
 * text in the given TrueType fonts (subset and embedded) so any script the fonts cover prints.
 */
export function reportPdf(report: Report, fonts: ReportFonts): Uint8Array {
	const set = new FontSet(fonts.map(parseTrueType));
	const layout = new Layout(set);
	for (const b of reportBlocks(report)) layout.block(b);
	const n = layout.pages.length;
	layout.pages.forEach((p, i) =>
		p.texts.push({ x: WIDTH - MARGIN - 60, y: MARGIN / 2, size: 7, font: 'unicode', text: `page ${i + 1} of ${n}` })
	);
	return writePdf(layout.pages, { title: `Data-quality report: ${report.meta.project}` }, set);
}
