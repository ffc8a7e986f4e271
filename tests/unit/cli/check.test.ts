import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../app/lib/demo';
import { batchToCsv, csvHeader } from '../../../app/lib/demo/to-csv';
import { CARELESS_INDEX_NAMES } from '../../../app/lib/engine/careless';

const run = promisify(execFile);

describe('sieve check', () => {
	it('writes RESULT as SPEC §7 says, and a per-respondent CSV', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'sieve-check-'));
		const demo = generateDemo({ rows: 400, seed: 4 });
		let csv = csvHeader(demo.dictionary);
		for (const b of demo.batches()) csv += batchToCsv(demo.dictionary, b);
		const data = path.join(dir, 'survey.csv');
		await writeFile(data, csv);
		const config = path.join(dir, 'config.json');
		await writeFile(config, JSON.stringify(demo.config));
		const out = path.join(dir, 'result.json');
		const per = path.join(dir, 'respondents.csv');
		const { stdout, stderr } = await run(
			'npx',
			['tsx', 'app/cli/sieve.ts', 'check', data, '--config', config, '--out', out, '--csv', per],
			{ cwd: process.cwd() }
		);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/\[20\/27\] sections \d+ ms/);

		const result = JSON.parse(await readFile(out, 'utf8'));
		expect(Object.keys(result)).toEqual(['dataset', 'checks', 'respondents', 'openEnds']);
		expect(Object.keys(result.openEnds)).toEqual(demo.config.openEnds);
		for (const name of demo.config.openEnds) {
			expect(Object.keys(result.openEnds[name])).toEqual(['languages', 'themes']);
			expect(result.openEnds[name].themes.length).toBeGreaterThan(1);
			expect(Object.keys(result.openEnds[name].themes[0])).toEqual(['label', 'terms', 'count']);
		}
		expect(result.dataset.rows).toBe(400);
		expect(result.dataset.variables).toBe(demo.dictionary.variables.length);
		expect(result.dataset.sha256).toMatch(/^[0-9a-f]{64}$/);
		for (const c of result.checks) {
			expect(Object.keys(c)).toEqual(['id', 'title', 'flagged', 'ms']);
			expect(typeof c.flagged).toBe('number');
		}
		expect(result.checks.map((c: { id: string }) => c.id)).toContain('straightlining');
		expect(result.respondents).toHaveLength(400);
		// SPEC §7: bot?: {probability, pValue?, reasons} on the respondents the bot check scored
		expect(result.respondents.filter((r: { bot?: unknown }) => r.bot).length).toBeGreaterThan(0);
		const grids = demo.config.grids.map((g) => g.name);
		for (const r of result.respondents) {
			expect(Object.keys(r)).toEqual(['id', 'score', 'verdict', 'flags', 'indices', ...(r.bot ? ['bot'] : [])]);
			if (r.bot) {
				expect(Object.keys(r.bot)).toEqual(['probability', 'pValue', 'reasons']);
				expect(r.bot.reasons.length).toBeGreaterThan(0);
			}
			expect(r.score).toBeGreaterThanOrEqual(0);
			expect(r.score).toBeLessThanOrEqual(100);
			expect(['keep', 'review', 'remove']).toContain(r.verdict);
			for (const f of r.flags) expect(Object.keys(f)).toEqual(['check', 'severity', 'message']);
			expect(Object.keys(r.indices)).toEqual(grids);
			for (const g of grids) expect(Object.keys(r.indices[g])).toEqual([...CARELESS_INDEX_NAMES]);
		}
		const ids = new Set(result.respondents.map((r: { id: number }) => r.id));
		const straight = demo.truth.filter((t) => t.kind === 'straightliner').map((t) => t.rid);
		expect(straight.length).toBeGreaterThan(0);
		for (const rid of straight) {
			expect(ids.has(rid)).toBe(true);
			const r = result.respondents.find((x: { id: number }) => x.id === rid);
			expect(r.flags.map((f: { check: string }) => f.check)).toContain('straightlining');
			expect(r.indices[grids[0]].longstring).toBe(demo.config.grids[0].items.length);
		}

		const lines = (await readFile(per, 'utf8')).trimEnd().split('\n');
		expect(lines).toHaveLength(401);
		expect(lines[0].split(',').slice(0, 5)).toEqual(['id', 'score', 'verdict', 'flags', 'checks']);
	}, 120_000);

	it('exits 2 with usage when --out is missing', async () => {
		await expect(run('npx', ['tsx', 'app/cli/sieve.ts', 'check', 'x.csv'])).rejects.toMatchObject({ code: 2 });
	}, 60_000);
});

describe('sieve check --audit', () => {
	it('appends the run to an audit chain file that sieve verify accepts, creating it when absent', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'sieve-check-audit-'));
		const data = path.join(dir, 'survey.csv');
		const demo = generateDemo({ rows: 150, seed: 9 });
		let csv = csvHeader(demo.dictionary);
		for (const b of demo.batches()) csv += batchToCsv(demo.dictionary, b);
		await writeFile(data, csv);
		const audit = path.join(dir, 'audit.json');
		const out = path.join(dir, 'r.json');
		for (let i = 0; i < 2; i++) await run('npx', ['tsx', 'app/cli/sieve.ts', 'check', data, '--out', out, '--audit', audit]);
		const chain = JSON.parse(await readFile(audit, 'utf8'));
		expect(chain.version).toBe(1);
		expect(chain.chains).toHaveLength(1);
		const types = chain.chains[0].events.map((e: { type: string }) => e.type);
		expect(types.filter((t: string) => t !== 'chain-start')).toEqual([
			'import',
			'check-run',
			'check-results',
			'import',
			'check-run',
			'check-results'
		]);
		const results = chain.chains[0].events.filter((e: { type: string }) => e.type === 'check-results');
		expect(results[0].payload.respondents).toBe(150);
		expect(results[0].payload.keep + results[0].payload.review + results[0].payload.remove).toBe(150);
		const { stdout } = await run('npx', ['tsx', 'app/cli/sieve.ts', 'verify', audit]);
		expect(stdout).toMatch(/intact/i);
	});
});
