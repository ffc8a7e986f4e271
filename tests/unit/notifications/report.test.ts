import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveMembership } from '../../../app/lib/collab/membership';
import { NotificationsPanel } from '../../../app/lib/notifications/NotificationsPanel.svelte';
import {
	anomalyEvent,
	auditBrokenEvent,
	checkRunEvent,
	reportProjectEvent,
	reportProjectEventOnce
} from '../../../app/lib/notifications/report';
import type { RunSummary } from '../../../app/lib/engine/api';
import { getDb } from '../../../app/lib/store/db';
import { startHooksRelay, type HooksRelay } from './hooks-relay';

let relay: HooksRelay;

beforeAll(async () => {
	relay = await startHooksRelay();
	await new NotificationsPanel(relay.owner).add(`${relay.receiver.url}/events`, 'generic', ['approval.requested']);
});

afterAll(() => relay.stop());

describe('reportProjectEvent', () => {
	it("reports a shared project's event with the stored room token, reviewers included", async () => {
		const reviewer = await relay.invite('reviewer');
		await saveMembership(getDb(), 'p-shared', reviewer.room, reviewer.token, 'sha-1');
		expect(await reportProjectEvent('p-shared', 'approval.requested', { decisions: 3 }, relay.owner.relay)).toBe(true);
		await relay.hooks.runDue();
		expect(relay.receiver.received.map((r) => JSON.parse(r.body) as unknown)).toEqual([
			{ type: 'approval.requested', timestamp: expect.any(String), room: relay.owner.room, data: { decisions: 3 } }
		]);
	});

	it('sends nothing for a local project or a viewer, and does not throw when the relay refuses', async () => {
		expect(await reportProjectEvent('p-local-only', 'approval.requested', { decisions: 1 }, relay.owner.relay)).toBe(false);
		const viewer = await relay.invite('viewer');
		await saveMembership(getDb(), 'p-viewer', viewer.room, viewer.token, 'sha-1');
		expect(await reportProjectEvent('p-viewer', 'approval.requested', { decisions: 1 }, relay.owner.relay)).toBe(false);
		await saveMembership(getDb(), 'p-owner', relay.owner.room, relay.owner.token, 'sha-1');
		expect(
			await reportProjectEvent(
				'p-owner',
				'approval.requested',
				{ note: 'a long free text answer from one of the respondents' },
				relay.owner.relay
			)
		).toBe(false);
		await relay.hooks.runDue();
		expect(relay.receiver.received).toHaveLength(1);
	});
});

describe('reportProjectEventOnce', () => {
	it('reports a broken audit chain once per distinct break, with its place and kind only', async () => {
		await new NotificationsPanel(relay.owner).add(`${relay.receiver.url}/audit`, 'generic', ['audit.broken']);
		await saveMembership(getDb(), 'p-audit', relay.owner.room, relay.owner.token, 'sha-1');
		const broken = auditBrokenEvent({
			ok: false,
			device: 'dev-7f3a',
			chain: 1,
			index: 4,
			seq: 5,
			reason: 'hash-mismatch',
			detail: 'event 5: hash mismatch'
		});
		expect(broken).toEqual({ device: 'dev-7f3a', chain: 1, seq: 5, reason: 'hash-mismatch' });
		for (let i = 0; i < 3; i++) reportProjectEventOnce('p-audit', 'audit.broken', broken, relay.owner.relay);
		reportProjectEventOnce('p-audit', 'audit.broken', { ...broken, seq: 9 }, relay.owner.relay);
		for (let i = 0; i < 50 && relay.receiver.received.filter((r) => r.path === '/audit').length < 2; i++) {
			await new Promise((r) => setTimeout(r, 20));
			await relay.hooks.runDue();
		}
		const seqs = relay.receiver.received
			.filter((r) => r.path === '/audit')
			.map((r) => (JSON.parse(r.body) as { data: { seq: number } }).data.seq);
		expect(seqs.sort()).toEqual([5, 9]);
	});
});

describe('anomalyEvent', () => {
	it('counts the stretches, their kinds and events, and names no actor', () => {
		const at = (from: string) => ({
			actor: 'Ana Pérez',
			from,
			to: from,
			reasons: ['Ana Pérez excluded 40 respondents in a minute'],
			explanation: 'Ana Pérez excluded 40 respondents in a minute',
			magnitude: 40,
			hour: 3
		});
		const event = anomalyEvent([
			{ kind: 'unusual-hour', events: [{ seq: 1 }], ...at('2026-12-07T03:10:00Z') },
			{ kind: 'exclusion-rate', events: [{ seq: 2 }, { seq: 3 }], ...at('2026-12-06T10:00:00Z') },
			{ kind: 'unusual-hour', events: [{ seq: 9 }], ...at('2026-12-07T04:00:00Z') }
		]);
		expect(event).toEqual({ anomalies: 3, kinds: ['exclusion-rate', 'unusual-hour'], events: 4, since: '2026-12-06T10:00:00Z' });
		expect(JSON.stringify(event)).not.toContain('Ana');
	});
});

describe('checkRunEvent', () => {
	it('counts the checks that ran, their flags and the verdicts, and names no respondent', () => {
		const summary = {
			finishedAt: 0,
			rows: 1200,
			outcomes: [
				{ id: 'speeders', flagged: 40 },
				{ id: 'straightline', flagged: 12 },
				{ id: 'gibberish', flagged: 99 }
			],
			verdicts: { keep: 1100, review: 60, remove: 40 },
			scores: [],
			durations: null,
			thresholds: { review: 70, remove: 40 }
		} as unknown as RunSummary;
		expect(checkRunEvent(summary, ['speeders', 'straightline'])).toEqual({
			checks: 2,
			respondents: 1200,
			flags: 52,
			keep: 1100,
			review: 60,
			remove: 40,
			checkIds: ['speeders', 'straightline']
		});
	});
});
