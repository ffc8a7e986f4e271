import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { DEFAULT_HOOKS_CONFIG, type HooksConfig } from '../../../../server/hooks/config';
import { createHookService, type HookService } from '../../../../server/hooks/service';
import { parseAllowList, type Resolver } from '../../../../server/hooks/ssrf';
import { createSqliteHookStore, type HookStore } from '../../../../server/hooks/store';
import type { CreateHookResponse, HookEventType, HookFormat } from '../../../../server/protocol/hooks';
import { startReceiver, type Receiver } from './receiver';

const ROOM = 'room-abc';
const START = Date.parse('2026-12-08T01:00:00.000Z');

let dir: string;
let receiver: Receiver;
let stores: HookStore[];

const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

let attempts: string[];

function open(config: Partial<HooksConfig> = {}, resolve?: Resolver): { store: HookStore; hooks: HookService } {
	const store = createSqliteHookStore({ file: path.join(dir, 'relay.sqlite') });
	stores.push(store);
	const hooks = createHookService({
		store,
		config: { ...DEFAULT_HOOKS_CONFIG, allow: parseAllowList('127.0.0.1'), ...config },
		random: () => 0.5,
		resolve,
		onAttempt: (hook, attempt) => attempts.push(`${hook.id}:${attempt.attempt}:${attempt.state}`),
		onError: (e) => {
			throw e;
		}
	});
	return { store, hooks };
}

async function subscribe(hooks: HookService, url = `${receiver.url}/h`, format: HookFormat = 'generic', room: string | null = ROOM) {
	const events: HookEventType[] = ['check-run.finished', 'export.created'];
	const created = await hooks.subscribe({ room, url, format, events });
	if ('error' in created) throw new Error(created.error);
	return created as CreateHookResponse;
}

/** Verifies a received request with the reference library, as a receiver would on arrival. */
const verified = (secret: string, i: number) => {
	const request = receiver.received[i]!;
	const now = Date.now();
	vi.setSystemTime(Number(request.headers['webhook-timestamp']) * 1000);
	try {
		return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
	} finally {
		vi.setSystemTime(now);
	}
};

beforeEach(async () => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(START);
	dir = mkdtempSync(path.join(tmpdir(), 'sieve-hooks-'));
	receiver = await startReceiver();
	stores = [];
	attempts = [];
});

afterEach(async () => {
	vi.useRealTimers();
	for (const store of stores) store.close();
	await receiver.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('hook deliveries', () => {
	it('delivers a signed generic event that the reference verifier accepts, and logs it', async () => {
		const { hooks } = open();
		const { id, secret } = await subscribe(hooks);
		const [message] = hooks.emit(ROOM, 'check-run.finished', { findings: 12, checks: 27 });
		expect(hooks.emit(ROOM, 'approval.given', { n: 1 })).toEqual([]);
		expect(await hooks.runDue()).toBe(1);
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0]!.headers['webhook-id']).toBe(message);
		expect(receiver.received[0]!.headers['webhook-timestamp']).toBe(String(START / 1000));
		expect(verified(secret, 0)).toEqual({
			type: 'check-run.finished',
			timestamp: '2026-12-08T01:00:00.000Z',
			room: ROOM,
			data: { findings: 12, checks: 27 }
		});
		expect(hooks.deliveries(id)).toEqual([
			{ id: message, attempt: 1, event: 'check-run.finished', status: 204, state: 'delivered', at: '2026-12-08T01:00:00.000Z' }
		]);
		expect(await hooks.runDue()).toBe(0);
	});

	it('retries on the Standard Webhooks schedule with the same webhook-id and a fresh signature each time', async () => {
		const { hooks } = open();
		const { id, secret } = await subscribe(hooks);
		let failures = 3;
		receiver.respond = (_r, res) => res.writeHead(failures-- > 0 ? 500 : 200).end('ok');
		const [message] = hooks.emit(ROOM, 'export.created', { rows: 1200 });
		expect(await hooks.runDue()).toBe(1);
		advance(4_999);
		expect(await hooks.runDue()).toBe(0);
		advance(1);
		expect(await hooks.runDue()).toBe(1);
		advance(299_999);
		expect(await hooks.runDue()).toBe(0);
		advance(1);
		expect(await hooks.runDue()).toBe(1);
		advance(1_800_000);
		expect(await hooks.runDue()).toBe(1);
		expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([message, message, message, message]);
		expect(receiver.received.map((r) => Number(r.headers['webhook-timestamp']) - START / 1000)).toEqual([0, 5, 305, 2105]);
		expect(receiver.received.map((_, i) => (verified(secret, i) as { type: string }).type)).toEqual(Array(4).fill('export.created'));
		expect(attempts).toEqual([`${id}:1:retrying`, `${id}:2:retrying`, `${id}:3:retrying`, `${id}:4:delivered`]);
		expect(hooks.deliveries(id).map((d) => [d.attempt, d.status, d.state, d.error])).toEqual([
			[4, 200, 'delivered', undefined],
			[3, 500, 'retrying', 'HTTP 500'],
			[2, 500, 'retrying', 'HTTP 500'],
			[1, 500, 'retrying', 'HTTP 500']
		]);
	});

	it('jitters each delay within ±20 %', async () => {
		const store = createSqliteHookStore({ file: path.join(dir, 'relay.sqlite') });
		stores.push(store);
		const draws = [0, 0.999];
		const hooks = createHookService({
			store,
			config: { ...DEFAULT_HOOKS_CONFIG, allow: parseAllowList('127.0.0.1') },
			random: () => draws.shift() ?? 0.5
		});
		await subscribe(hooks);
		receiver.respond = (_r, res) => res.writeHead(503).end();
		hooks.emit(ROOM, 'export.created', { rows: 1 });
		await hooks.runDue();
		expect(store.nextDue()).toBe(Date.now() + 4_000);
		advance(4_000);
		await hooks.runDue();
		expect(store.nextDue()).toBe(Date.now() + 359_880);
	});

	it('stops after the last scheduled attempt (RELAY_HOOKS_SCHEDULE) and marks it exhausted', async () => {
		const { hooks, store } = open({ schedule: [0, 1, 2] });
		const { id } = await subscribe(hooks);
		receiver.respond = (_r, res) => res.writeHead(503).end();
		hooks.emit(ROOM, 'export.created', { rows: 1 });
		for (const wait of [0, 1_000, 2_000, 60_000]) {
			advance(wait);
			await hooks.runDue();
		}
		expect(hooks.deliveries(id).map((d) => d.state)).toEqual(['exhausted', 'retrying', 'retrying']);
		expect(store.nextDue()).toBeNull();
	});

	it('disables the hook on 410 Gone and queues nothing more for it', async () => {
		const { hooks } = open();
		const { id } = await subscribe(hooks);
		receiver.respond = (_r, res) => res.writeHead(410).end();
		hooks.emit(ROOM, 'export.created', { rows: 1 });
		await hooks.runDue();
		expect(hooks.deliveries(id)[0]).toMatchObject({
			attempt: 1,
			status: 410,
			state: 'failed',
			error: 'HTTP 410 Gone: the hook is disabled'
		});
		expect(hooks.list(ROOM)).toEqual([
			{ id, url: `${receiver.url}/h`, format: 'generic', events: ['check-run.finished', 'export.created'], enabled: false }
		]);
		expect(hooks.emit(ROOM, 'export.created', { rows: 2 })).toEqual([]);
	});

	it('honours 429 Retry-After when it asks for longer than the schedule', async () => {
		const { hooks } = open();
		await subscribe(hooks);
		receiver.respond = (_r, res) => res.writeHead(429, { 'retry-after': '120' }).end();
		hooks.emit(ROOM, 'export.created', { rows: 1 });
		await hooks.runDue();
		advance(119_999);
		expect(await hooks.runDue()).toBe(0);
		advance(1);
		expect(await hooks.runDue()).toBe(1);
	});

	it('keeps the queue across a restart, and a message claimed by a crashed attempt comes back after its lease', async () => {
		const first = open();
		const { secret } = await subscribe(first.hooks);
		const ids = [
			...first.hooks.emit(ROOM, 'export.created', { rows: 1 }),
			...first.hooks.emit(ROOM, 'check-run.finished', { findings: 2 })
		];
		const [claimed] = first.store.claimDue(Date.now(), 1, 75_000).map((m) => m.id);
		const queued = ids.find((m) => m !== claimed);
		first.store.close();

		const second = open();
		expect(await second.hooks.runDue()).toBe(1);
		expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([queued]);
		advance(75_000);
		expect(await second.hooks.runDue()).toBe(1);
		expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([queued, claimed]);
		expect(receiver.received.map((_, i) => (verified(secret, i) as { room: string }).room)).toEqual([ROOM, ROOM]);
	});

	it('redelivers a logged message with the same webhook-id', async () => {
		const { hooks } = open();
		const { id } = await subscribe(hooks);
		const [message] = hooks.emit(ROOM, 'export.created', { rows: 1 });
		await hooks.runDue();
		advance(60_000);
		expect(hooks.redeliver(id, message!)).toBe(true);
		expect(hooks.redeliver(id, 'msg_unknown')).toBe(false);
		await hooks.runDue();
		expect(receiver.received.map((r) => r.headers['webhook-id'])).toEqual([message, message]);
		expect(hooks.deliveries(id).map((d) => [d.attempt, d.state])).toEqual([
			[2, 'delivered'],
			[1, 'delivered']
		]);
	});

	it('sends admin events to one admin hook, and refuses a room hook for it', async () => {
		const { hooks } = open();
		const admin = await subscribe(hooks, `${receiver.url}/admin`, 'generic', null);
		const room = await subscribe(hooks);
		hooks.deliverToHook(admin.id, { type: 'alert.fired', data: { rule: 'errors', value: 12 } });
		expect(() => hooks.deliverToHook(room.id, { type: 'alert.fired', data: {} })).toThrow(/belongs to a room/);
		await hooks.runDue();
		expect(verified(admin.secret, 0)).toMatchObject({ type: 'alert.fired', room: null, data: { rule: 'errors', value: 12 } });
	});

	it('does not follow a redirect, even to an allowed address', async () => {
		const { hooks } = open();
		const { id } = await subscribe(hooks);
		receiver.respond = (_r, res) => res.writeHead(302, { location: `${receiver.url}/elsewhere` }).end();
		hooks.emit(ROOM, 'export.created', { rows: 1 });
		await hooks.runDue();
		expect(receiver.received.map((r) => r.path)).toEqual(['/h']);
		expect(hooks.deliveries(id)[0]).toMatchObject({
			status: 302,
			state: 'retrying',
			error: `redirect to ${receiver.url}/elsewhere not followed`
		});
	});

	it('checks the address again at connect time (DNS rebinding) and fails without connecting', async () => {
		const answers = [['127.0.0.1'], ['127.0.0.2']];
		const { hooks } = open({}, async () => answers.shift() ?? ['127.0.0.2']);
		const { id } = await subscribe(hooks, `http://rebind.example:${receiver.port}/h`);
		hooks.emit(ROOM, 'export.created', { rows: 1 });
		await hooks.runDue();
		expect(hooks.deliveries(id)[0]).toMatchObject({
			status: null,
			state: 'failed',
			error: 'refused at connect time: 127.0.0.2 is a private, loopback, link-local or reserved address'
		});
		expect(receiver.connections).toBe(0);
	});

	it('gives up on a receiver that does not answer within the timeout, and retries', async () => {
		const { hooks } = open({ timeoutMs: 300 });
		const { id } = await subscribe(hooks);
		receiver.respond = () => undefined;
		hooks.emit(ROOM, 'export.created', { rows: 1 });
		await hooks.runDue();
		expect(hooks.deliveries(id)[0]).toMatchObject({ status: null, state: 'retrying', error: 'no response within 0.3 s' });
	});

	it('refuses a private target at subscription with a one-line reason', async () => {
		const { hooks } = open({ allow: parseAllowList('') });
		expect(await hooks.subscribe({ room: ROOM, url: `${receiver.url}/h`, format: 'generic', events: ['export.created'] })).toEqual({
			error: `${receiver.url}/h is refused: 127.0.0.1 is a private, loopback, link-local or reserved address`
		});
		expect(hooks.list(ROOM)).toEqual([]);
	});
});
