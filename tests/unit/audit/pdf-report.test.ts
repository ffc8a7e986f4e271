import { describe, expect, it } from 'vitest';
import type { EventInput } from '../../../app/lib/audit/events';
import { buildAuditExport } from '../../../app/lib/audit/export';
import { auditPdf } from '../../../app/lib/audit/pdf-report';
import { verifyAudit } from '../../../app/lib/audit/verify-audit';
import { buildChain, PROJECT } from './fixtures';
import { HAS_PDFTOTEXT, pdfText } from './pdf-text';

const at = (minute: number) => new Date(Date.parse('2026-11-20T09:00:00Z') + minute * 60_000).toISOString();
const BULK = Array.from({ length: 300 }, (_, i) => `R_${(1000 + i * 37).toString(36)}`);

/** A reviewing session: project, import, a rename, individual and bulk decisions, an undo, exports. */
function session(): EventInput[] {
	return [
		{ type: 'project', payload: { op: 'create', name: 'Draft' }, time: at(0), actor: 'ana' },
		{ type: 'setting-change', payload: { key: 'name', before: 'Draft', after: 'Citizen panel wave 3' }, time: at(1), actor: 'ana' },
		{
			type: 'import',
			payload: { file: 'panel_w3.sav', sha256: 'ab'.repeat(32), format: 'sav', rows: 2143, variables: 88 },
			time: at(2),
			actor: 'ana'
		},
		{ type: 'decision', payload: { action: 'exclude', respondents: ['R_9f2'], reason: 'speeder' }, time: at(10), actor: 'ana' },
		{ type: 'decision', payload: { action: 'keep', respondents: [4711], reason: 'checked by phone' }, time: at(11), actor: 'ben' },
		{
			type: 'decision',
			payload: { action: 'exclude', respondents: BULK, reason: 'straight-liner', bulk: true, skipped: 2 },
			time: at(12),
			actor: 'ben'
		},
		{
			type: 'decision-undo',
			payload: { via: 'undo', actions: ['keep'], respondents: [4711], decisions: ['d2'], removed: 1 },
			time: at(13),
			actor: 'ben'
		},
		{ type: 'export', payload: { format: 'sav', file: 'clean.sav', identifying: ['rid'] }, time: at(20), actor: 'ana' }
	];
}

describe('audit PDF report', () => {
	it.skipIf(!HAS_PDFTOTEXT)('names the project and file, summarises, and lists every decision with reason and respondent ids', async () => {
		const audit = buildAuditExport(PROJECT, [{ device: 'laptop', events: await buildChain('laptop', session(), 'ana') }]);
		const bytes = auditPdf(audit, await verifyAudit(audit), { generatedAt: '2026-11-22T08:00:00.000Z' });
		const text = pdfText(bytes);
		expect(text).toContain('Sieve audit report: Citizen panel wave 3');
		expect(text).toContain(`Project: Citizen panel wave 3 (id ${PROJECT})`);
		expect(text).toContain(`File: panel_w3.sav, 2,143 rows, 88 variables, SHA-256 ${'ab'.repeat(32)}`);
		const summary = text.replace(/\s+/g, ' ');
		expect(summary).toContain(
			'On 2026-11-20, 2 people (ana, ben) recorded 8 events on 1 device for "Citizen panel wave 3" on the file panel_w3.sav'
		);
		expect(summary).toContain(
			'Decisions by respondent: exclude 301, keep 1. Reasons given: straight-liner 300, checked by phone 1, speeder 1.'
		);
		expect(summary).toContain('1 decision step taken back.');
		expect(summary).toContain('Integrity: the trail verifies intact');
		expect(summary).toContain('2 high-risk actions');
		expect(text).toContain('Decisions (4)');
		expect(text).toMatch(/2026-11-20 09:10:00 +ana +exclude +speeder +1 +R_9f2/);
		expect(text).toMatch(/2026-11-20 09:11:00 +ben +keep +checked by phone +1 +4711/);
		expect(text).toMatch(/2026-11-20 09:13:00 +ben +undo keep +1 +4711/);
		for (const id of BULK) expect(text).toMatch(new RegExp(`\\b${id}\\b`));
		expect(text).toContain('Events per hour (UTC) by type');
		expect(text).toContain('Respondents decided per reviewer, by action');
	});

	it('draws the charts as filled bars whose heights follow the counts', async () => {
		const audit = buildAuditExport(PROJECT, [{ device: 'laptop', events: await buildChain('laptop', session(), 'ana') }]);
		const content = Buffer.from(auditPdf(audit, await verifyAudit(audit))).toString('latin1');
		const bars = [...content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) rg ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re f/g)].map((m) => Number(m[7]));
		// per reviewer: ben's exclude bar (300) is the tallest of all, 300 times ana's (1)
		const tallest = Math.max(...bars);
		expect(bars.some((h) => Math.abs((h * 300) / tallest - 1) < 0.02)).toBe(true);
	});

	it.skipIf(!HAS_PDFTOTEXT)('says so when nothing was decided, and falls back to the project id without a project event', async () => {
		const audit = buildAuditExport(PROJECT, [{ device: 'cli', events: await buildChain('cli', [], 'ci') }]);
		const text = pdfText(auditPdf(audit, await verifyAudit(audit)));
		expect(text).toContain(`Project: ${PROJECT}`);
		expect(text).toContain('holds no recorded activity yet');
		expect(text).toContain('No decisions were recorded.');
	});
});
