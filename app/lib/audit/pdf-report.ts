import type { AuditExport } from './audit-export';
import { writePdf, type PdfPage, type PdfText } from './pdf-writer';
import { riskOf } from './risk';
import type { AuditVerdict } from './verify-audit';

const WIDTH = 842;
const HEIGHT = 595;
const MARGIN = 36;
const ROW = 9;
const MONO = 7.5;

/**
 * The audit report a third party can check against the AUDIT JSON: verification result, every
 * chain's head, first and last hash and event count, then every event with its hash. A4 landscape.
 */
export function auditPdf(audit: AuditExport, verdict: AuditVerdict, options: { generatedAt?: string } = {}): Uint8Array {
	const pages: PdfPage[] = [];
	let texts: PdfText[] = [];
	let y = HEIGHT - MARGIN;
	const newPage = () => {
		texts = [];
		pages.push({ width: WIDTH, height: HEIGHT, texts });
		y = HEIGHT - MARGIN;
	};
	const line = (text: string, font: PdfText['font'] = 'mono', size = MONO, gap = ROW) => {
		if (y < MARGIN + gap) newPage();
		texts.push({ x: MARGIN, y, size, font, text });
		y -= gap;
	};

	newPage();
	line('Sieve audit report', 'sans-bold', 16, 22);
	line(`Project: ${audit.project}`, 'sans', 10, 14);
	line(`Generated: ${options.generatedAt ?? new Date().toISOString()}`, 'sans', 10, 14);
	line(
		verdict.ok
			? `Verification: intact (${audit.chains.length} chains, ${audit.chains.reduce((n, c) => n + c.events.length, 0)} events)`
			: `Verification: BROKEN at device ${verdict.device ?? '?'}, seq ${verdict.seq}: ${verdict.reason} (${verdict.detail})`,
		'sans-bold',
		10,
		20
	);
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
	return writePdf(pages, { title: `Sieve audit report: ${audit.project}` });
}

function fit(text: string, width: number): string {
	const chars = [...text];
	return chars.length > width ? `${chars.slice(0, width - 1).join('')}~` : text.padEnd(width + (text.length - chars.length));
}
