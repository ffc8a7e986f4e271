import { detectAnomalies, type ANOMALY_RULES } from './anomalies';
import { flattenAudit, type AuditExport } from './audit-export';
import { bucketEvents } from './buckets';
import { writePdf, type PdfPage, type PdfText } from './pdf-writer';
import { auditFacts, type AuditFacts } from './report/facts';
import { stackedBars, type ChartData } from './report/pdf-chart';
import { executiveSummary } from './report/summary-text';
import { riskOf } from './risk';
import type { AuditVerdict } from './verify-audit';

const WIDTH = 842;
const HEIGHT = 595;
const MARGIN = 36;
const ROW = 9;
const MONO = 7.5;
const CHART_H = 150;
/** Characters of 7.5 pt Courier across the page, and of 9 pt Helvetica text (average glyph width). */
const MONO_CHARS = Math.floor((WIDTH - 2 * MARGIN) / (0.6 * MONO));
const SANS_CHARS = 160;

type Line = (text: string, font?: PdfText['font'], size?: number, gap?: number) => void;

export type AuditPdfOptions = { generatedAt?: string; rules?: typeof ANOMALY_RULES };

/**
 * The audit report a third party can check against the AUDIT JSON: the project by name and file, an
 * executive summary from a local template, charts, every decision with its reason and respondent
 * ids, the verification result, every chain's head, first and last hash and event count, then every
 * event with its hash. A4 landscape.
 */
export function auditPdf(audit: AuditExport, verdict: AuditVerdict, options: AuditPdfOptions = {}): Uint8Array {
	const pages: PdfPage[] = [];
	let page!: PdfPage;
	let y = HEIGHT - MARGIN;
	const newPage = () => {
		page = { width: WIDTH, height: HEIGHT, texts: [], rects: [] };
		pages.push(page);
		y = HEIGHT - MARGIN;
	};
	const line: Line = (text, font = 'mono', size = MONO, gap = ROW) => {
		if (y < MARGIN + gap) newPage();
		page.texts.push({ x: MARGIN, y, size, font, text });
		y -= gap;
	};
	const paragraph = (text: string) => {
		for (const part of wrap(text, SANS_CHARS)) line(part, 'sans', 9, 12);
		y -= 4;
	};

	const events = flattenAudit(audit);
	const facts = auditFacts(events);
	const anomalies = detectAnomalies(events, options.rules);
	const highRisk = events.filter((e) => riskOf(e).level === 'high').length;

	newPage();
	line(`Sieve audit report${facts.name ? `: ${facts.name}` : ''}`, 'sans-bold', 16, 22);
	line(facts.name ? `Project: ${facts.name} (id ${audit.project})` : `Project: ${audit.project}`, 'sans', 10, 14);
	if (facts.file) {
		const f = facts.file;
		line(
			`File: ${f.name}, ${f.rows.toLocaleString('en')} rows, ${f.variables.toLocaleString('en')} variables, SHA-256 ${f.sha256}`,
			'sans',
			10,
			14
		);
	}
	line(`Generated: ${options.generatedAt ?? new Date().toISOString()}`, 'sans', 10, 14);
	line(
		verdict.ok
			? `Verification: intact (${audit.chains.length} chains, ${audit.chains.reduce((n, c) => n + c.events.length, 0)} events)`
			: `Verification: BROKEN at device ${verdict.device ?? '?'}, seq ${verdict.seq}: ${verdict.reason} (${verdict.detail})`,
		'sans-bold',
		10,
		20
	);
	line('Executive summary', 'sans-bold', 12, 16);
	for (const text of executiveSummary(facts, verdict, highRisk, anomalies)) paragraph(text);

	if (facts.events) {
		if (y < MARGIN + CHART_H + 30) newPage();
		const buckets = bucketEvents(events.filter((e) => e.type !== 'chain-start' && e.type !== 'witness'));
		const half = (WIDTH - 2 * MARGIN - 30) / 2;
		const top = y - CHART_H - 12;
		for (const chart of [
			stackedBars({ x: MARGIN, y: top, w: half, h: CHART_H }, buckets, `Events per ${buckets.unit} (UTC) by type`),
			stackedBars({ x: MARGIN + half + 30, y: top, w: half, h: CHART_H }, decidedBy(facts), 'Respondents decided per reviewer, by action')
		]) {
			page.rects!.push(...chart.rects);
			page.texts.push(...chart.texts);
		}
		y = top - 20;
	}

	decisionsSection(facts, newPage, line);

	newPage();
	line('Chain heads', 'sans-bold', 12, 16);
	for (const chain of audit.chains) {
		const first = chain.events[0];
		const last = chain.events.at(-1);
		line(`Device ${chain.device}: ${chain.events.length} events`, 'sans-bold', 9, 12);
		line(`  first  seq ${first?.seq ?? '-'}  ${first?.time ?? ''}  ${first?.hash ?? ''}`, 'mono', 8, 10);
		line(`  head   seq ${last?.seq ?? '-'}  ${last?.time ?? ''}  ${last?.hash ?? ''}`, 'mono', 8, 14);
	}
	line('How to verify', 'sans-bold', 12, 16);
	for (const text of [
		'Run `sieve verify AUDIT.json`. Each event hash is the SHA-256 of the RFC 8785 canonical JSON of the event',
		'without its "hash" field; "prev" is the previous event\'s hash (64 zeros for seq 0). The head hashes above',
		'are checkpoints: a copy of the chain that does not reach them with the same hashes has been altered.'
	]) {
		line(text, 'sans', 9, 12);
	}

	const columns = [
		['seq', 7],
		['time', 25],
		['actor', 18],
		['type', 15],
		['risk', 7],
		['hash', 64]
	] as const;
	const row = (cells: (string | number)[]) => cells.map((c, i) => fit(String(c), columns[i][1])).join(' ');
	for (const chain of audit.chains) {
		newPage();
		line(`Events of device ${chain.device}`, 'sans-bold', 11, 16);
		line(row(columns.map((c) => c[0])));
		for (const e of chain.events) {
			if (y < MARGIN + ROW) {
				newPage();
				line(row(columns.map((c) => c[0])));
			}
			line(row([e.seq, e.time, e.actor, e.type, riskOf(e).level, e.hash]));
		}
	}
	pages.forEach((p, i) =>
		p.texts.push({ x: WIDTH - MARGIN - 80, y: MARGIN / 2, size: 7, font: 'sans', text: `page ${i + 1} of ${pages.length}` })
	);
	return writePdf(pages, { title: `Sieve audit report: ${facts.name ?? audit.project}` });
}

const DECISION_COLUMNS = [
	['time', 19],
	['reviewer', 16],
	['action', 16],
	['reason', 28],
	['n', 5]
] as const;

/** Every decision, undo and redo in time order with its reason and all its respondent ids (wrapped). */
function decisionsSection(facts: AuditFacts, newPage: () => void, emit: Line): void {
	newPage();
	const head = DECISION_COLUMNS.map(([name, w]) => fit(name, w)).join(' ');
	const indent = head.length + 1;
	emit(`Decisions (${facts.decisions.length})`, 'sans-bold', 12, 16);
	if (!facts.decisions.length) return emit('No decisions were recorded.', 'sans', 9, 12);
	emit(`${head} respondents`);
	for (const d of facts.decisions) {
		const what = d.variable ? `${d.action} ${d.variable}` : d.action;
		const cells = [d.time.slice(0, 19).replace('T', ' '), d.actor, what, d.reason, d.respondents.length || '']
			.map((c, i) => fit(String(c), DECISION_COLUMNS[i][1]))
			.join(' ');
		const ids = wrap(d.respondents.map(String).join(', ') || (d.bulk ? '(none written)' : '-'), MONO_CHARS - indent);
		emit(`${cells} ${ids[0]}`);
		for (const more of ids.slice(1)) emit(`${' '.repeat(indent)}${more}`);
	}
}

function decidedBy(facts: AuditFacts): ChartData {
	const actions = [...new Set(facts.decisions.filter((d) => facts.respondentsByAction.has(d.action)).map((d) => d.action))].sort();
	const actors = [...new Set(facts.decisions.map((d) => d.actor))].sort();
	return {
		labels: actors,
		series: actions.map((action) => ({
			type: action,
			counts: actors.map((actor) =>
				facts.decisions.filter((d) => d.actor === actor && d.action === action).reduce((n, d) => n + (d.respondents.length || 1), 0)
			)
		}))
	};
}

/** Words packed into lines of at most `width` characters; a longer word is cut. */
function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		for (let w = word; w.length;) {
			const room = current ? width - current.length - 1 : width;
			if (w.length <= room) {
				current = current ? `${current} ${w}` : w;
				w = '';
			} else if (current) {
				lines.push(current);
				current = '';
			} else {
				lines.push(w.slice(0, width));
				w = w.slice(width);
			}
		}
	}
	if (current || !lines.length) lines.push(current);
	return lines;
}

function fit(text: string, width: number): string {
	const chars = [...text];
	return chars.length > width ? `${chars.slice(0, width - 1).join('')}~` : text.padEnd(width + (text.length - chars.length));
}
