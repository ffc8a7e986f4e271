import type { Report } from '../engine/report/types';
import type { Block, Chart, Table } from './blocks';
import { esc } from './escape';
import { seconds } from './format';
import { reportBlocks } from './report-blocks';
import { barsSvg, histogramSvg } from './svg';

// Inline only: the file must open offline and reference nothing outside itself (SPEC §5b).
const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1b1b;max-width:1000px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;margin-top:2rem;padding-bottom:.2rem}h3{font-size:1rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse;font-size:12px;margin:.3rem 0}th,td{padding:2px 8px;border-bottom:1px solid #e4e4e4;vertical-align:top;text-align:left}
td.r,th.r{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
.fig{display:flex;gap:1.5rem;align-items:flex-start;flex-wrap:wrap}.grade{display:flex;gap:1rem;align-items:center}
.grade b{font-size:3rem;line-height:1;border:3px solid #2f5d8a;border-radius:8px;padding:.2rem .8rem}
.meta td:first-child{font-weight:600}svg text{fill:#333}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}.fig,tr{break-inside:avoid}}
`;

function table(t: Table, cls = ''): string {
	const align = (i: number) => (t.align?.[i] === 'right' ? ' class="r"' : '');
	const head = t.head.some((h) => h) ? `<thead><tr>${t.head.map((h, i) => `<th${align(i)}>${esc(h)}</th>`).join('')}</tr></thead>` : '';
	const body = t.rows.map((r) => `<tr>${r.map((c, i) => `<td${align(i)}>${esc(c)}</td>`).join('')}</tr>`).join('');
	return `<table${cls ? ` class="${cls}"` : ''}>${head}<tbody>${body}</tbody></table>`;
}

function chart(c: Chart): string {
	if (c.kind === 'bars') return barsSvg(c.items, { max: c.max });
	const unit = c.unit === 'seconds' ? seconds : c.unit === 'share' ? (x: number) => x.toFixed(1) : undefined;
	return histogramSvg(c.bins, { marker: c.marker, unit });
}

function block(b: Block): string {
	switch (b.kind) {
		case 'title':
			return `<h1>${esc(b.text)}</h1>`;
		case 'heading':
			return `<h2 id="${esc(b.id)}">${esc(b.text)}</h2>`;
		case 'subheading':
			return `<h3>${esc(b.text)}</h3>`;
		case 'text':
			return `<p>${esc(b.text)}</p>`;
		case 'grade':
			return `<div class="grade"><b>${esc(b.letter)}</b><div>Quality index ${esc(b.index)}<br><small>${esc(b.caption)}</small></div></div>`;
		case 'table':
			return b.table.rows.length ? table(b.table, b.table.head.every((h) => !h) ? 'meta' : '') : '<p>None.</p>';
		case 'figure':
			return `<div class="fig">${chart(b.chart)}${table(b.table)}</div>`;
	}
}

/**
 * The report as one self-contained HTML file: inline CSS and SVG charts, no script, no network
 * reference, each chart with its numbers beside it; prints on A4 with the same content.
 */
export function reportHtml(report: Report): string {
	const body = reportBlocks(report).map(block).join('\n');
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(`Data-quality report: ${report.meta.project}`)}</title><style>${CSS}</style></head>
<body>
${body}
</body></html>
`;
}
