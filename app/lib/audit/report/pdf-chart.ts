import type { PdfRect, PdfText } from '../pdf-writer';

export type ChartData = { labels: string[]; series: { type: string; counts: number[] }[] };
type Box = { x: number; y: number; w: number; h: number };

const PALETTE: [number, number, number][] = [
	[0.12, 0.44, 0.55],
	[0.83, 0.67, 0.05],
	[0.53, 0.31, 0.63],
	[0.12, 0.52, 0.29],
	[0.69, 0.23, 0.18],
	[0.36, 0.43, 0.49],
	[0.79, 0.44, 0.12],
	[0.18, 0.53, 0.76]
];
const GREY: [number, number, number] = [0.6, 0.6, 0.6];

/** A stacked bar chart drawn as PDF rectangles in `box` (bottom-left origin), with axis and legend text. */
export function stackedBars(box: Box, data: ChartData, title: string): { rects: PdfRect[]; texts: PdfText[] } {
	const rects: PdfRect[] = [];
	const texts: PdfText[] = [{ x: box.x, y: box.y + box.h + 6, size: 9, font: 'sans-bold', text: title }];
	const totals = data.labels.map((_, i) => data.series.reduce((n, s) => n + s.counts[i], 0));
	const max = Math.max(1, ...totals);
	const legendH = 12 * Math.ceil(data.series.length / 4);
	const plot = { x: box.x + 30, y: box.y + 14 + legendH, w: box.w - 30, h: box.h - 14 - legendH };
	const slot = plot.w / Math.max(1, data.labels.length);
	const barW = Math.max(0.5, slot * 0.8);
	data.labels.forEach((_, i) => {
		let y = plot.y;
		data.series.forEach((s, k) => {
			const h = (s.counts[i] / max) * plot.h;
			if (h > 0) rects.push({ x: plot.x + i * slot + (slot - barW) / 2, y, w: barW, h, color: PALETTE[k % PALETTE.length] });
			y += h;
		});
	});
	rects.push(
		{ x: plot.x, y: plot.y - 0.5, w: plot.w, h: 0.5, color: GREY },
		{ x: plot.x - 0.5, y: plot.y, w: 0.5, h: plot.h, color: GREY }
	);
	texts.push(
		{ x: box.x, y: plot.y + plot.h - 6, size: 7, font: 'sans', text: max.toLocaleString('en') },
		{ x: box.x + 18, y: plot.y - 2, size: 7, font: 'sans', text: '0' }
	);
	const step = Math.max(1, Math.ceil((data.labels.length * 60) / plot.w));
	for (let i = 0; i < data.labels.length; i += step) {
		texts.push({ x: plot.x + i * slot, y: plot.y - 9, size: 6, font: 'sans', text: data.labels[i] });
	}
	data.series.forEach((s, k) => {
		const x = box.x + (k % 4) * (box.w / 4);
		const y = box.y + legendH - 10 - 12 * Math.floor(k / 4);
		rects.push({ x, y, w: 7, h: 7, color: PALETTE[k % PALETTE.length] });
		texts.push({
			x: x + 10,
			y: y + 1,
			size: 7,
			font: 'sans',
			text: `${s.type} (${s.counts.reduce((a, b) => a + b, 0).toLocaleString('en')})`
		});
	});
	return { rects, texts };
}
