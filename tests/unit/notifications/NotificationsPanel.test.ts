import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { NotificationsPanel } from '../../../app/lib/notifications/NotificationsPanel.svelte';
import { reportEvent, type RoomAccess } from '../../../app/lib/notifications/relay-hooks';
import type { HookService } from '../../../server/hooks/service';
import type { Receiver } from '../server/hooks/receiver';
import { startHooksRelay, type HooksRelay } from './hooks-relay';

// The panel and the event client against the real relay over HTTP, delivering to a local receiver.
let relay: HooksRelay;
let hooks: HookService;
let receiver: Receiver;
let owner: RoomAccess;

beforeAll(async () => {
	relay = await startHooksRelay();
	({ hooks, receiver, owner } = relay);
});

afterAll(() => relay.stop());

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
