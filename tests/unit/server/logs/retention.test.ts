import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LOGS_CONFIG } from '../../../../server/logs/config';
import type { ErrorGroup, LogsPage, StoredLogEntry } from '../../../../server/protocol/logs';
import { logsRelay } from './logs-harness';

const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('log retention', () => {
	it('keeps entries 90 days and errors a year, archiving what it deletes to gzipped JSON lines', async () => {
		const archiveDir = path.join(mkdtempSync(path.join(tmpdir(), 'sieve-logs-')), 'archive');
		dirs.push(path.dirname(archiveDir));
		const r = await logsRelay({ config: { ...DEFAULT_LOGS_CONFIG, archiveDir } });
		const oops = { name: 'Error', message: 'old failure' };
		await r.post([
			r.entry('info 100 days old', 'info', 100 * DAY),
			r.entry('warn 89 days old', 'warn', 89 * DAY),
			r.entry('error 100 days old', 'error', 100 * DAY, { error: { name: 'Error', message: 'kept failure' } }),
			r.entry('error 400 days old', 'error', 400 * DAY, { error: oops }),
			r.entry('fresh', 'debug')
		]);
		r.advance(-200 * DAY);
		await r.app.request('/health');
		r.advance(200 * DAY);

		const result = r.relay.monitoring.retain();
		expect(result).toMatchObject({ entries: 2, requests: 1, groups: 1 });
		const kept = (await r.get<LogsPage>('/logs')).entries.map((e) => e.message);
		expect(kept.sort()).toEqual(['error 100 days old', 'fresh', 'warn 89 days old']);
		expect((await r.get<ErrorGroup[]>('/logs/errors')).map((g) => g.message)).toEqual(['kept failure']);

		const files = readdirSync(archiveDir);
		expect(files).toHaveLength(1);
		const archived = gunzipSync(readFileSync(path.join(archiveDir, files[0]!)))
			.toString()
			.trimEnd()
			.split('\n')
			.map((l) => JSON.parse(l) as StoredLogEntry);
		expect(archived.map((e) => e.message).sort()).toEqual(['error 400 days old', 'info 100 days old']);
		expect(r.relay.monitoring.retain()).toMatchObject({ entries: 0, archive: null });
	});

	it('deletes nothing when the archive cannot be written', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'sieve-logs-'));
		dirs.push(dir);
		writeFileSync(path.join(dir, 'a-file'), '');
		const r = await logsRelay({ config: { ...DEFAULT_LOGS_CONFIG, archiveDir: path.join(dir, 'a-file', 'archive') } });
		await r.post([r.entry('old', 'info', 100 * DAY)]);
		expect(() => r.relay.monitoring.retain()).toThrow(/ENOTDIR|EEXIST/);
		expect((await r.get<LogsPage>('/logs')).entries.map((e) => e.message)).toEqual(['old']);
	});
});
