import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteHookStore, LOG_KEEP, type HookStore } from '../../../../server/hooks/store';

let dir: string;
let store: HookStore;

beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'sieve-hook-store-'));
	store = createSqliteHookStore({ file: path.join(dir, 'relay.sqlite') });
	store.addHook({
		id: 'h1',
		room: 'r1',
		url: 'https://hooks.example.com/',
		format: 'generic',
		events: ['export.created'],
		secret: 'whsec_x',
		enabled: true
	});
});

afterEach(() => {
	store.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('createSqliteHookStore', () => {
	it('keeps the newest 500 attempts per hook, and the finished messages they show for redelivery', () => {
		const total = LOG_KEEP + 2;
		for (let i = 0; i < total; i++) {
			store.enqueue({ id: `m${i}`, hook: 'h1', event: 'export.created', body: '{}' }, i);
			store.recordAttempt({
				id: `m${i}`,
				hook: 'h1',
				attempt: 1,
				event: 'export.created',
				status: 204,
				state: 'delivered',
				at: i,
				nextAt: null
			});
		}
		const log = store.deliveries('h1', 1000);
		expect(log).toHaveLength(LOG_KEEP);
		expect([log[0]!.id, log.at(-1)!.id]).toEqual([`m${total - 1}`, 'm2']);
		expect(store.redeliver('h1', 'm0', 0)).toBe(false);
		expect(store.redeliver('h1', 'm2', 0)).toBe(true);
		expect(store.nextDue()).toBe(0);
	});

	it('deletes a hook with its queue and log', () => {
		store.enqueue({ id: 'm1', hook: 'h1', event: 'export.created', body: '{}' }, 5);
		store.deleteHook('h1');
		expect([store.getHook('h1'), store.nextDue(), store.deliveries('h1', 10)]).toEqual([null, null, []]);
	});
});
