import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asAuditExport } from '../../../app/lib/audit/audit-export';
import { appendRunEvents } from '../../../app/lib/audit/node-file';
import { verifyAudit } from '../../../app/lib/audit/verify-audit';

const dir = () => mkdtempSync(path.join(tmpdir(), 'sieve-audit-'));
const run = [
	{ type: 'import' as const, payload: { file: 'w1.sav', sha256: 'ab'.repeat(32), format: 'sav', rows: 10, variables: 3 } },
	{ type: 'check-run' as const, payload: { dataset: 'ab'.repeat(32), checks: [{ id: 'speeders', version: 1, flagged: 2 }] } }
];
const read = (file: string) => asAuditExport(JSON.parse(readFileSync(file, 'utf8')));

describe('appendRunEvents', () => {
	it('creates the file with the CLI device chain, then appends to it', async () => {
		const file = path.join(dir(), 'AUDIT.json');
		const first = await appendRunEvents(file, run, { device: 'cli-test', actor: 'ci', project: 'wave1' });
		expect(first.appended.map((e) => e.seq)).toEqual([1, 2]);
		const audit = read(file);
		expect(audit.project).toBe('wave1');
		expect(audit.chains.map((c) => [c.device, c.events.length])).toEqual([['cli-test', 3]]);
		expect(audit.chains[0].events[0]).toMatchObject({ type: 'chain-start', payload: { device: 'cli-test', project: 'wave1' } });

		const second = await appendRunEvents(file, run, { device: 'cli-test', actor: 'ci' });
		expect(second.appended.map((e) => e.seq)).toEqual([3, 4]);
		expect(second.appended[0].prev).toBe(first.head.hash);
		const other = await appendRunEvents(file, run.slice(0, 1), { device: 'cli-other', actor: 'ci' });
		expect(other.head.seq).toBe(1);
		expect(await verifyAudit(read(file))).toMatchObject({
			ok: true,
			chains: [
				{ device: 'cli-test', events: 5 },
				{ device: 'cli-other', events: 2 }
			]
		});
	});

	it('refuses to append to a broken trail and leaves the file as it was', async () => {
		const file = path.join(dir(), 'AUDIT.json');
		await appendRunEvents(file, run, { device: 'cli-test', actor: 'ci' });
		const audit = read(file);
		audit.chains[0].events[1].payload.rows = 11;
		const tampered = JSON.stringify(audit);
		writeFileSync(file, tampered);
		await expect(appendRunEvents(file, run, { device: 'cli-test', actor: 'ci' })).rejects.toThrow(
			/refusing to append to a broken audit trail \(device cli-test, seq 1: hash-mismatch\)/
		);
		expect(readFileSync(file, 'utf8')).toBe(tampered);
	});

	it('names the file when it is not an AUDIT file', async () => {
		const file = path.join(dir(), 'AUDIT.json');
		writeFileSync(file, '{"version":1,');
		await expect(appendRunEvents(file, run)).rejects.toThrow(/AUDIT\.json: not a readable AUDIT file/);
	});
});
