import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenAudit } from '../../../app/lib/audit/audit-export';
import { stringifyAudit } from '../../../app/lib/audit/export';
import { anomalyReport } from '../../../app/lib/audit/overview';
import audit from '../../../app/cli/commands/audit';
import { hashSimulated } from '../../../app/lib/audit/simulate/hashed';
import { simulateActivity } from '../../../app/lib/audit/simulate/activity';

const root = path.resolve(__dirname, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'sieve-audit-'));
const file = path.join(dir, 'audit.json');

function sieveAudit(...args: string[]) {
	const r = spawnSync('npx', ['tsx', 'app/cli/sieve.ts', 'audit', ...args], { cwd: root, encoding: 'utf8' });
	return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn')) };
}

/** The command in this process (a spawn costs seconds): its exit code and what it wrote. */
async function inProcess(...args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const [write, writeErr] = [process.stdout.write, process.stderr.write];
	process.stdout.write = ((s: string) => out.push(s) > 0) as typeof process.stdout.write;
	process.stderr.write = ((s: string) => err.push(s) > 0) as typeof process.stderr.write;
	try {
		const code = await audit(args);
		return { code, stdout: out.join(''), stderr: err.join('').split('\n').filter(Boolean) };
	} finally {
		[process.stdout.write, process.stderr.write] = [write, writeErr];
	}
}

describe('sieve audit', () => {
	const sim = simulateActivity({ seed: 3, days: 21, plant: 1 });
	beforeAll(async () => {
		writeFileSync(file, stringifyAudit(await hashSimulated(sim)));
	});

	it('summary (as a process): verifies the chains and prints counts per type, risk and actor, and the day’s text', () => {
		const day = sim.events
			.find((e) => `${e.device}/${e.seq}` === `${sim.planted[0].events[0].device}/${sim.planted[0].events[0].seq}`)!
			.time.slice(0, 10);
		const r = sieveAudit(file, 'summary', '--day', day);
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out).toMatchObject({ project: 'survey-3', intact: true, devices: 5, day, anomalies: { open: 2, dismissed: 0 } });
		expect(out.events).toBe(sim.events.length - 5);
		expect(out.types.decision).toBe(sim.events.filter((e) => e.type === 'decision').length);
		expect(out.actors.map((a: { actor: string }) => a.actor).sort()).toEqual(['Kofi Mensah', 'ana', 'maria.lopez', 'tom', 'wei.chen']);
		expect(out.text).toMatch(new RegExp(`^Audit summary for ${day} \\(UTC\\)`));
		expect(out.text).toContain('Kofi Mensah excluded');
	});

	it('anomalies: the planted sessions, the same list the app computes', async () => {
		const r = await inProcess(file, 'anomalies');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.open.map((a: { kind: string; actor: string }) => `${a.kind} ${a.actor}`)).toEqual([
			'exclusion-rate Kofi Mensah',
			'export-after-reversal tom'
		]);
		const { readFile } = await import('node:fs/promises');
		const same = anomalyReport(flattenAudit(JSON.parse(await readFile(file, 'utf8'))));
		expect(out).toEqual({ project: 'survey-3', ...JSON.parse(JSON.stringify(same)) });
	});

	it('search: ranked hits with the matching fields', async () => {
		const r = await inProcess(file, 'search', 'who exported identifying data', '--limit', '3', '--now', '2026-09-28T12:00:00Z');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.understood.words).toEqual(['exported', 'identifying']);
		expect(out.hits).toHaveLength(3);
		for (const h of out.hits) {
			expect(h.type).toBe('export');
			expect(h.matches).toContainEqual(expect.objectContaining({ field: 'identifying', words: ['identifying'] }));
		}
	});

	it('bad usage and unreadable files exit 2 with one line naming the problem', async () => {
		expect(await inProcess(file, 'search')).toMatchObject({
			code: 2,
			stderr: [expect.stringContaining('search needs a QUERY'), expect.any(String)]
		});
		expect((await inProcess(file, 'timeline')).stderr[0]).toBe('sieve audit: unknown view "timeline"');
		expect((await inProcess(file, 'summary', '--now', 'soon')).stderr[0]).toBe('sieve audit: --now "soon" is not an ISO-8601 time');
		const bad = path.join(dir, 'bad.json');
		writeFileSync(bad, '{"version":1,"project":"x"}');
		expect(await inProcess(bad, 'summary')).toMatchObject({
			code: 2,
			stderr: [`sieve audit: ${bad}: not an AUDIT export: "chains" is not an array`]
		});
	});
});
