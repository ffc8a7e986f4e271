import { describe, expect, it } from 'vitest';
import { asAuditExport } from '../../../app/lib/audit/audit-export';
import { auditCsv, buildAuditExport, stringifyAudit } from '../../../app/lib/audit/export';
import { auditPdf } from '../../../app/lib/audit/pdf-report';
import { writePdf } from '../../../app/lib/audit/pdf-writer';
import { verifyAudit } from '../../../app/lib/audit/verify-audit';
import { buildAudit, buildChain, PROJECT, views } from './fixtures';
import { HAS_PDFTOTEXT, pdfText } from './pdf-text';

/** Every xref entry must point at the byte where its `N 0 obj` starts, and startxref at `xref`. */
function checkXref(bytes: Uint8Array): number {
	const text = Buffer.from(bytes).toString('latin1');
	const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
	expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
	const [, first, count] = /^xref\n(\d+) (\d+)\n/.exec(text.slice(startxref))!;
	expect(first).toBe('0');
	const table = text
		.slice(startxref)
		.split('\n')
		.slice(2, 2 + Number(count));
	table.forEach((entry, id) => {
		expect(entry.length + 1).toBe(20);
		if (id === 0) return expect(entry).toBe('0000000000 65535 f ');
		const offset = Number(entry.slice(0, 10));
		expect(text.slice(offset, offset + `${id} 0 obj`.length)).toBe(`${id} 0 obj`);
	});
	for (const m of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
		const start = m.index! + m[0].length;
		expect(text.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe('\nendstream');
	}
	return Number(count);
}

describe('AUDIT JSON export', () => {
	it('has exactly the SPEC §7 shape and verifies after parsing', async () => {
		const audit = await buildAudit({ tablet: 1, laptop: 2 });
		const parsed = JSON.parse(stringifyAudit(audit));
		expect(Object.keys(parsed)).toEqual(['version', 'project', 'chains']);
		expect(parsed.version).toBe(1);
		expect(parsed.project).toBe(PROJECT);
		expect(parsed.chains.map((c: { device: string }) => c.device)).toEqual(['laptop', 'tablet']);
		for (const chain of parsed.chains) {
			expect(Object.keys(chain)).toEqual(['device', 'events']);
			for (const e of chain.events) {
				expect(Object.keys(e)).toEqual(['seq', 'time', 'actor', 'type', 'payload', 'prev', 'hash']);
				expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
				expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
			}
		}
		expect(parsed).toEqual(audit);
		expect(await verifyAudit(asAuditExport(parsed))).toMatchObject({ ok: true });
	});
});

describe('CSV export', () => {
	it('writes one row per event with hash and prev, neutralising formula cells', async () => {
		const events = await buildChain(
			'=cmd|calc',
			[
				{ type: 'comment', payload: { id: 'c1', text: '=HYPERLINK("x")' }, actor: '@bob', time: '2026-11-20T10:00:00.000Z' },
				{ type: 'decision', payload: { action: 'exclude', respondents: [1, 2], reason: '+1, "quoted"' }, actor: '-eve' }
			],
			'+alice'
		);
		const audit = buildAuditExport(PROJECT, [{ device: '=cmd|calc', events }]);
		const lines = auditCsv(audit).split('\r\n');
		expect(lines[0]).toBe('device,seq,time,actor,type,risk,payload,prev,hash');
		expect(lines).toHaveLength(events.length + 2);
		expect(lines[3].startsWith("'=cmd|calc,2,")).toBe(true);
		expect(lines[1]).toContain(",'+alice,chain-start,low,");
		expect(lines[2]).toContain(",'@bob,comment,low,");
		expect(lines[3]).toContain(",'-eve,decision,medium,");
		expect(lines[3]).toContain('"{""action"":""exclude"",""reason"":""+1, \\""quoted\\"""",""respondents"":[1,2]}"');
		expect(lines[3].endsWith(`,${events[1].hash},${events[2].hash}`)).toBe(true);
		expect(lines.at(-1)).toBe('');
	});
});

describe('PDF report', () => {
	it('writes a PDF 1.4 whose xref offsets and stream lengths are exact', () => {
		const bytes = writePdf(
			[
				{ width: 200, height: 100, texts: [{ x: 10, y: 50, size: 12, font: 'sans', text: 'Hello (world) \\ é € 😀' }] },
				{ width: 200, height: 100, texts: [{ x: 10, y: 50, size: 9, font: 'mono', text: 'page two' }] }
			],
			{ title: 'test' }
		);
		expect(Buffer.from(bytes.slice(0, 9)).toString('latin1')).toBe('%PDF-1.4\n');
		expect(checkXref(bytes)).toBe(11);
		if (HAS_PDFTOTEXT) expect(pdfText(bytes)).toMatch(/Hello \(world\) \\ é € \?[\s\S]*page two/);
	});

	it.skipIf(!HAS_PDFTOTEXT)('carries the verdict, chain heads, first hashes, counts and every event', async () => {
		const audit = await buildAudit({ laptop: 150, tablet: 2 });
		const verdict = await verifyAudit(audit);
		const bytes = auditPdf(audit, verdict, { generatedAt: '2026-11-22T08:00:00.000Z' });
		checkXref(bytes);
		const text = pdfText(bytes);
		expect(text).toContain('Sieve audit report');
		expect(text).toContain(`Project: ${PROJECT}`);
		expect(text).toContain('Verification: intact (2 chains, 154 events)');
		expect(text).toContain('Device laptop: 151 events');
		expect(text).toContain('Device tablet: 3 events');
		for (const chain of audit.chains) {
			expect(text).toContain(chain.events[0].hash);
			for (const e of chain.events)
				expect(text).toMatch(new RegExp(`\\b${e.seq} +${e.time.replace('.', '\\.')} +alice +\\S+ +\\w+ +${e.hash}`));
		}
		expect(text).toMatch(/page 1 of \d+/);
	});

	it.skipIf(!HAS_PDFTOTEXT)('says where a broken trail breaks', async () => {
		const audit = await buildAudit({ laptop: 2 });
		audit.chains[0].events[1].actor = 'mallory';
		const text = pdfText(auditPdf(audit, await verifyAudit(audit)));
		expect(text).toMatch(/Verification: BROKEN at device laptop, seq 1: hash-mismatch/);
	});
});

describe('fixtures', () => {
	it('views are one minute apart', () => {
		expect(views(2).map((v) => v.time)).toEqual(['2026-11-20T09:01:00.000Z', '2026-11-20T09:02:00.000Z']);
	});
});
