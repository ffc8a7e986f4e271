import type { HistogramBin } from '../engine/results/types';
import { esc } from './escape';

const BAR = 16;
const INK = '#2f5d8a';

/** Horizontal bars, one per item, scaled to the largest value (or `max`); labels sit left of each bar. */
export function barsSvg(items: { label: string; value: number; color?: string }[], opts: { max?: number; width?: number } = {}): string {
	const width = opts.width ?? 360;
	const labelW = 130;
	const max = opts.max ?? Math.max(1, ...items.map((i) => i.value));
	const h = items.length * (BAR + 4) + 4;
	const bars = items.map((it, i) => {
		const y = 4 + i * (BAR + 4);
		const w = Math.max(0, ((width - labelW - 8) * it.value) / max);
		return (
			`<text x="${labelW - 6}" y="${y + BAR - 4}" text-anchor="end">${esc(it.label)}</text>` +
			`<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${it.color ?? INK}"/>`
		);
	});
	return `<svg role="img" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" font-size="11">${bars.join('')}</svg>`;
}

/** Vertical histogram with its axis range below; `marker` draws a dashed line at that x value (e.g. the speeder cut-off). */
export function histogramSvg(
	bins: readonly HistogramBin[],
	opts: { marker?: number; width?: number; unit?: (x: number) => string } = {}
): string {
	const width = opts.width ?? 360;
	const height = 120;
	const plotH = height - 18;
	const max = Math.max(1, ...bins.map((b) => b.count));
	const lo = bins[0]?.from ?? 0;
	const hi = bins.at(-1)?.to ?? 1;
	const x = (v: number) => ((v - lo) / (hi - lo || 1)) * width;
	const unit = opts.unit ?? ((v: number) => String(Math.round(v)));
	const rects = bins.map((b) => {
		const h = (plotH * b.count) / max;
		return `<rect x="${x(b.from).toFixed(1)}" y="${(plotH - h).toFixed(1)}" width="${Math.max(0.5, x(b.to) - x(b.from) - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${INK}"/>`;
	});
	const marker =
		opts.marker !== undefined && opts.marker >= lo && opts.marker <= hi
			? `<line x1="${x(opts.marker).toFixed(1)}" x2="${x(opts.marker).toFixed(1)}" y1="0" y2="${plotH}" stroke="#b3261e" stroke-dasharray="4 3"/>`
			: '';
	const axis = `<text x="0" y="${height - 4}">${esc(unit(lo))}</text><text x="${width}" y="${height - 4}" text-anchor="end">${esc(unit(hi))}</text>`;
	return `<svg role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-size="11">${rects.join('')}${marker}${axis}</svg>`;
}
