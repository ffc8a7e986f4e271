import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditExport } from '../../../app/lib/audit/audit-export';
import { stringifyAudit } from '../../../app/lib/audit/export';
import { buildAudit, clone, headsOf } from '../audit/fixtures';

const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sieve-verify-'));

function sieve(command: string, ...args: string[]) {
	const r = spawnSync('npx', ['tsx', 'app/cli/sieve.ts', command, ...args], { cwd: root, encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) };
}
const sieveVerify = (...args: string[]) => sieve('verify', ...args);

function write(name: string, content: string | AuditExport): string {
	const file = path.join(dir, name);
	writeFileSync(file, typeof content === 'string' ? content : stringifyAudit(content));
	return file;
}

describe('sieve verify', () => {
	let audit: AuditExport;
	beforeAll(async () => {
		audit = await buildAudit({ laptop: 4, tablet: 3 });
	});

	it('exits 0 on an untouched export and prints the chain heads', () => {
		const r = sieveVerify(write('ok.json', audit));
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('intact - 2 chains, 9 events');
		expect(r.stdout).toContain(`laptop  head seq 4  ${audit.chains[0].events[4].hash}`);
		expect(r.stderr).toEqual([]);
	});

	it('exits 1 naming device, seq and reason of the first broken event', () => {
		const tampered = clone(audit);
		tampered.chains[1].events[2].time = '2026-11-20T09:02:00.001Z';
		const r = sieveVerify(write('changed.json', tampered));
		expect(r.code).toBe(1);
		expect(r.stdout).toMatch(/changed\.json: BROKEN at device tablet, seq 2: hash-mismatch - /);
	});

	it('exits 1 for a deleted event, and for a cut tail given the checkpoint', () => {
		const deleted = clone(audit);
		deleted.chains[0].events.splice(1, 1);
		expect(sieveVerify(write('deleted.json', deleted))).toMatchObject({
			code: 1,
			stdout: expect.stringMatching(/device laptop, seq 1: seq-gap/)
		});
		const cut = clone(audit);
		cut.chains[0].events.length = 3;
		const checkpoints = write('heads.json', JSON.stringify(headsOf(audit)));
		expect(sieveVerify(write('cut.json', cut)).code).toBe(0);
		expect(sieveVerify(write('cut.json', cut), '--checkpoint', checkpoints)).toMatchObject({
			code: 1,
			stdout: expect.stringMatching(/device laptop, seq 3: truncated/)
		});
	});

	it('exits 2 with one line naming the file when it is not JSON or not an AUDIT export', () => {
		const bad = write('bad.json', '{"version": 1, "chains": [');
		const r = sieveVerify(bad);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toHaveLength(1);
		expect(r.stderr[0]).toContain(`${bad}: not valid JSON`);
		const other = sieveVerify(write('other.json', '[1,2]'));
		expect(other).toMatchObject({ code: 2, stderr: [expect.stringContaining('other.json: not an AUDIT export')] });
		const missing = sieveVerify(path.join(dir, 'nope.json'));
		expect(missing).toMatchObject({ code: 2, stderr: [expect.stringContaining('nope.json: cannot read (ENOENT)')] });
	});

	it('verifies across an archive made by sieve archive, and says where the missing start went', () => {
		const file = write('live.json', audit);
		const archive = path.join(dir, 'archive-2026.json');
		const moved = sieve('archive', file, '--before', '2999-01-01', '--out', archive);
		expect(moved).toMatchObject({ code: 0, stderr: [] });
		expect(moved.stdout).toContain(`${archive}: 7 events before 2999-01-01T00:00:00.000Z from 2 chains; ${file} keeps 2`);
		expect(sieve('archive', file, '--before', '2999-01-01', '--out', archive)).toMatchObject({
			code: 2,
			stderr: [expect.stringContaining('already exists; archives are never overwritten')]
		});
		expect(sieve('archive', file, '--before', '2999-01-01', '--out', path.join(dir, 'archive-2.json'))).toMatchObject({
			code: 0,
			stdout: expect.stringContaining('no events before 2999-01-01T00:00:00.000Z; nothing archived')
		});
		expect(sieveVerify(archive, file)).toMatchObject({ code: 0, stdout: expect.stringContaining('intact - 2 chains, 9 events') });
		expect(sieveVerify(file)).toMatchObject({
			code: 1,
			stdout: expect.stringContaining('may be in an archive: sieve verify ARCHIVE.json AUDIT.json')
		});
	});
});
