import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { NotificationsPanel } from '../../../app/lib/notifications/NotificationsPanel.svelte';
import { reportEvent, type RoomAccess } from '../../../app/lib/notifications/relay-hooks';
import { createApp, type Relay } from '../../../server/app';
import { DEFAULT_HOOKS_CONFIG } from '../../../server/hooks/config';
import { createHookService, type HookService } from '../../../server/hooks/service';
import { parseAllowList } from '../../../server/hooks/ssrf';
import { createSqliteHookStore, type HookStore } from '../../../server/hooks/store';
import type { CreateRoomResponse } from '../../../server/protocol/rooms';
import { createMemoryRoomStore } from '../../../server/store/memory';
import { testConfig } from '../server/relay-harness';
import { startReceiver, type Receiver } from '../server/hooks/receiver';

// The panel and the event reporter against the real relay over HTTP, delivering to a local receiver.
let dir: string;
let store: HookStore;
let hooks: HookService;
let relay: Relay;
let server: ServerType;
let receiver: Receiver;
let owner: RoomAccess;

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'sieve-panel-'));
	receiver = await startReceiver();
	store = createSqliteHookStore({ file: path.join(dir, 'relay.sqlite') });
	hooks = createHookService({ store, config: { ...DEFAULT_HOOKS_CONFIG, allow: parseAllowList('127.0.0.1') } });
	hooks.start();
	relay = createApp(testConfig(), { store: createMemoryRoomStore(), hooks });
	server = await new Promise<ServerType>((resolve) => {
		const s = serve({ fetch: relay.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
	});
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const { room, token } = (await (await fetch(`${origin}/rooms`, { method: 'POST' })).json()) as CreateRoomResponse;
	owner = { relay: origin, room, token };
});

afterAll(async () => {
	await hooks.stop();
	await relay.close();
	server.close();
	store.close();
	await receiver.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('NotificationsPanel', () => {
	it('adds a hook, shows its secret once, tests it, redelivers and removes it', async () => {
		const panel = new NotificationsPanel(owner);
		await panel.refresh();
		expect(panel.hooks).toEqual([]);
		await panel.add(`${receiver.url}/slack`, 'slack', ['export.created']);
		expect(panel.error).toBeNull();
		const id = panel.created!.id;
		expect(panel.hooks.map((h) => [h.id, h.format, h.enabled])).toEqual([[id, 'slack', true]]);

		await panel.test(id);
		expect(panel.deliveries[id]!.map((d) => [d.event, d.attempt, d.status, d.state])).toEqual([['hook.test', 1, 204, 'delivered']]);
		const request = receiver.received.at(-1)!;
		const slack = new Webhook(panel.created!.secret).verify(request.body, request.headers as Record<string, string>) as { text: string };
		expect(slack.text).toBe(`Sieve: Test notification (project room ${owner.room})`);

		const message = panel.deliveries[id]![0]!.id;
		await panel.redeliver(id, message);
		await hooks.runDue();
		await panel.showDeliveries(id);
		expect(panel.deliveries[id]!.map((d) => [d.id, d.attempt, d.state])).toEqual([
			[message, 2, 'delivered'],
			[message, 1, 'delivered']
		]);
		await panel.remove(id);
		expect(panel.hooks).toEqual([]);
		expect(panel.created).toBeNull();
	});

	it('puts the relay refusal of a private address in one line, and keeps nothing', async () => {
		const panel = new NotificationsPanel(owner);
		await panel.add('http://169.254.169.254/latest/meta-data/', 'generic', ['audit.broken']);
		expect(panel.error).toBe(
			'relay: http://169.254.169.254/latest/meta-data/ is refused: 169.254.169.254 is a private, loopback, link-local or reserved address (400)'
		);
		expect(panel.hooks).toEqual([]);
	});
});

describe('reportEvent', () => {
	it('reports counts and ids that reach a subscribed generic hook', async () => {
		const panel = new NotificationsPanel(owner);
		await panel.add(`${receiver.url}/generic`, 'generic', ['check-run.finished']);
		const { queued } = await reportEvent(owner, 'check-run.finished', { checks: 27, findings: 311, respondents: 1200 });
		expect(queued).toHaveLength(1);
		await hooks.runDue();
		const request = receiver.received.find((r) => r.headers['webhook-id'] === queued[0]);
		expect(JSON.parse(request!.body)).toMatchObject({ type: 'check-run.finished', room: owner.room, data: { checks: 27, findings: 311 } });
		await expect(reportEvent(owner, 'check-run.finished', { note: 'the respondent wrote a long answer about their job' })).rejects.toThrow(
			'relay: data.note: looks like text, not an id or a count (400)'
		);
	});
});
