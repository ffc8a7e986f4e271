import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LogDb } from '../../../app/lib/monitor/log-db';
import { createLogRing } from '../../../app/lib/monitor/ring';
import type { LocalLogEntry } from '../../../app/lib/monitor/types';

const entry = (i: number, level: LocalLogEntry['level'] = 'info', pad = 0): LocalLogEntry => ({
	time: new Date(i * 1000).toISOString(),
	level,
	message: `m${i}${'x'.repeat(pad)}`,
	trace: 'b'.repeat(32),
	source: 'page',
	projectId: i % 2 ? 'odd' : 'even'
});

const dbs: LogDb[] = [];
const open = () => {
	const db = new LogDb(`sieve-logs-test-${dbs.length}-${Math.random()}`);
	dbs.push(db);
	return db;
};
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

describe('createLogRing', () => {
	it('keeps at most maxEntries, dropping the oldest', async () => {
		const ring = createLogRing({ db: open(), maxEntries: 50 });
		for (let i = 0; i < 120; i++) ring.add(entry(i));
		await ring.flush();
		const kept = await ring.list();
		expect(kept).toHaveLength(50);
		expect(kept[0]!.message).toBe('m119');
		expect(kept.at(-1)!.message).toBe('m70');
		expect((await ring.stats()).entries).toBe(50);
	});

	it('keeps at most maxBytes, counting entries already stored by an earlier session', async () => {
		const db = open();
		const first = createLogRing({ db, maxBytes: 10_000 });
		for (let i = 0; i < 10; i++) first.add(entry(i, 'info', 500));
		await first.flush();
		const second = createLogRing({ db, maxBytes: 10_000 });
		for (let i = 10; i < 30; i++) second.add(entry(i, 'info', 500));
		const stats = await second.stats();
		expect(stats.bytes).toBeLessThanOrEqual(10_000);
		expect(stats.bytes).toBeGreaterThan(10_000 - 700);
		const kept = await second.list();
		expect(kept[0]!.message.startsWith('m29')).toBe(true);
		expect(kept.reduce((s, r) => s + r.bytes, 0)).toBe(stats.bytes);
	});

	it('filters by minimum level and project, newest first, and clears', async () => {
		const ring = createLogRing({ db: open() });
		['debug', 'info', 'warn', 'error', 'error', 'info'].forEach((l, i) => ring.add(entry(i, l as LocalLogEntry['level'])));
		expect((await ring.list({ level: 2 })).map((r) => r.message)).toEqual(['m4', 'm3', 'm2']);
		expect((await ring.list({ level: 3, projectId: 'odd' })).map((r) => r.message)).toEqual(['m3']);
		expect((await ring.list({ limit: 2 })).map((r) => r.message)).toEqual(['m5', 'm4']);
		await ring.clear();
		expect(await ring.list()).toEqual([]);
		expect(await ring.stats()).toEqual({ entries: 0, bytes: 0 });
	});
});
