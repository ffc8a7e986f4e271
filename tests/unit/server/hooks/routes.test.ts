import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type Relay } from '../../../../server/app';
import { DEFAULT_HOOKS_CONFIG } from '../../../../server/hooks/config';
import { EVENTS_PER_MINUTE } from '../../../../server/hooks/routes';
import { createHookService, type HookService } from '../../../../server/hooks/service';
import { parseAllowList } from '../../../../server/hooks/ssrf';
import { createSqliteHookStore, type HookStore } from '../../../../server/hooks/store';
import type { CreateHookResponse, DeliveryLogEntry, HookSummary, QueuedResponse } from '../../../../server/protocol/hooks';
import type { CreateRoomResponse } from '../../../../server/protocol/rooms';
import { createMemoryRoomStore } from '../../../../server/store/memory';
import { ADMIN_TOKEN, testConfig } from '../relay-harness';
import { startReceiver, type Receiver } from './receiver';
import { corpus, resolve } from './ssrf-corpus';

let dir: string;
let store: HookStore;
let hooks: HookService;
let relay: Relay;
let receiver: Receiver;
let room: string;
const tokens = { owner: '', reviewer: '', viewer: '', otherOwner: '' };

async function call(method: string, url: string, token: string | null, body?: unknown, app = relay.app) {
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (token) headers.authorization = `Bearer ${token}`;
	const res = await app.request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const newRoom = async () => (await call('POST', '/rooms', null)).body as CreateRoomResponse;
const invite = async (role: string) =>
	((await call('POST', `/rooms/${room}/invites`, tokens.owner, { role })).body as { token: string }).token;
const hookBody = (url = `${receiver.url}/h`) => ({ room, url, format: 'generic', events: ['export.created'] });

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'sieve-hook-routes-'));
	receiver = await startReceiver();
	store = createSqliteHookStore({ file: path.join(dir, 'relay.sqlite') });
	hooks = createHookService({ store, config: { ...DEFAULT_HOOKS_CONFIG, allow: parseAllowList('127.0.0.1/32') }, resolve });
	relay = createApp(testConfig(), { store: createMemoryRoomStore(), hooks });
	({ room, token: tokens.owner } = await newRoom());
	tokens.otherOwner = (await newRoom()).token;
	tokens.reviewer = await invite('reviewer');
	tokens.viewer = await invite('viewer');
});

afterAll(async () => {
	await relay.close();
	store.close();
	await receiver.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('/hooks', () => {
	it('lets only the room owner subscribe, and returns the secret once', async () => {
		expect((await call('POST', '/hooks', null, hookBody())).status).toBe(401);
		expect((await call('POST', '/hooks', 'forged.token', hookBody())).status).toBe(401);
		expect((await call('POST', '/hooks', tokens.reviewer, hookBody())).status).toBe(403);
		expect((await call('POST', '/hooks', tokens.otherOwner, hookBody())).status).toBe(403);
		const created = await call('POST', '/hooks', tokens.owner, hookBody());
		expect(created.status).toBe(201);
		const { id, secret } = created.body as CreateHookResponse;
		expect(secret).toMatch(/^whsec_/);
		const listed = await call('GET', `/hooks?room=${room}`, tokens.owner);
		expect(listed.body).toEqual([{ id, url: `${receiver.url}/h`, format: 'generic', events: ['export.created'], enabled: true }]);
		expect(JSON.stringify(listed.body)).not.toContain('whsec_');
		expect((await call('GET', `/hooks?room=${room}`, tokens.reviewer)).status).toBe(403);
		expect((await call('DELETE', `/hooks/${id}`, tokens.owner)).status).toBe(204);
		expect((await call('GET', `/hooks?room=${room}`, tokens.owner)).body).toEqual([]);
	});

	it('answers 400 with a one-line message for bad bodies', async () => {
		const bad = async (body: unknown) => (await call('POST', '/hooks', tokens.owner, body)).body as { error: string };
		expect(await bad({ ...hookBody(), format: 'discord' })).toEqual({ error: 'format must be one of generic, slack, teams' });
		expect((await bad({ ...hookBody(), events: [] })).error).toMatch(/^events must be a non-empty list of check-run.finished/);
		expect((await bad({ ...hookBody(), events: ['answers.leaked'] })).error).toMatch(/^events must be/);
		expect((await bad({ ...hookBody(), room: 'bad room' })).error).toBe('room must be a room id, or null for an admin hook');
		expect((await bad('[]')).error).toBe('body must be a JSON object');
	});

	it('refuses every target of the SSRF corpus at subscription when nothing is allowed, with no connection made', async () => {
		const strict = createHookService({ store, config: { ...DEFAULT_HOOKS_CONFIG, allow: parseAllowList('') }, resolve });
		const { app } = createApp(testConfig(), { store: createMemoryRoomStore(), hooks: strict });
		const before = receiver.connections;
		for (const url of corpus(receiver.port, receiver.port)) {
			const res = await call('POST', '/hooks', tokens.owner, hookBody(url), app);
			expect([res.status, (res.body as { error: string }).error.startsWith(`${url} is refused: `)]).toEqual([400, true]);
		}
		expect(receiver.connections).toBe(before);
		expect((await call('GET', `/hooks?room=${room}`, tokens.owner)).body).toEqual([]);
	});

	it('keeps admin hooks (room null) for the admin token only', async () => {
		const body = { ...hookBody(), room: null, events: ['alert.fired'] };
		expect((await call('POST', '/hooks', tokens.owner, body)).status).toBe(403);
		const { id } = (await call('POST', '/hooks', ADMIN_TOKEN, body)).body as CreateHookResponse;
		expect(((await call('GET', '/hooks', ADMIN_TOKEN)).body as HookSummary[]).map((h) => h.id)).toEqual([id]);
		expect((await call('GET', '/hooks', tokens.owner)).status).toBe(403);
		expect((await call('POST', `/hooks/${id}/test`, tokens.owner)).status).toBe(403);
		expect((await call('DELETE', `/hooks/${id}`, ADMIN_TOKEN)).status).toBe(204);
	});

	it('tests a hook, lists its deliveries and redelivers one', async () => {
		const { id } = (await call('POST', '/hooks', tokens.owner, hookBody())).body as CreateHookResponse;
		const test = await call('POST', `/hooks/${id}/test`, tokens.owner);
		expect(test.status).toBe(202);
		const [message] = (test.body as QueuedResponse).queued;
		await hooks.runDue();
		expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({ type: 'hook.test', room, data: { test: true } });
		const log = (await call('GET', `/hooks/${id}/deliveries`, tokens.owner)).body as DeliveryLogEntry[];
		expect(log).toEqual([{ id: message, attempt: 1, event: 'hook.test', status: 204, state: 'delivered', at: expect.any(String) }]);
		expect((await call('POST', `/hooks/${id}/deliveries/${message}/redeliver`, tokens.owner)).status).toBe(202);
		expect((await call('POST', `/hooks/${id}/deliveries/msg_nope/redeliver`, tokens.owner)).status).toBe(404);
		await hooks.runDue();
		expect(((await call('GET', `/hooks/${id}/deliveries`, tokens.owner)).body as DeliveryLogEntry[]).map((d) => d.attempt)).toEqual([2, 1]);
		expect((await call('GET', `/hooks/${id}/deliveries`, tokens.reviewer)).status).toBe(403);
		expect((await call('DELETE', `/hooks/${id}`, tokens.owner)).status).toBe(204);
		expect((await call('GET', `/hooks/${id}/deliveries`, tokens.owner)).status).toBe(404);
	});
});

describe('POST /events', () => {
	it('takes counts and ids from owners and reviewers and queues them to subscribed hooks', async () => {
		const { id } = (await call('POST', '/hooks', tokens.owner, hookBody())).body as CreateHookResponse;
		const event = { room, type: 'export.created', data: { rows: 1200, removed: 14, format: 'sav', respondents: ['R_17', 'R_22'] } };
		const res = await call('POST', '/events', tokens.reviewer, event);
		expect(res.status).toBe(202);
		expect((res.body as QueuedResponse).queued).toHaveLength(1);
		expect(((await call('POST', '/events', tokens.owner, { ...event, type: 'audit.broken' })).body as QueuedResponse).queued).toEqual([]);
		await hooks.runDue();
		expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({ type: 'export.created', room, data: event.data });
		await call('DELETE', `/hooks/${id}`, tokens.owner);
	});

	it('refuses viewers, other rooms, unknown types and anything that looks like answers', async () => {
		const event = { room, type: 'check-run.finished', data: { findings: 3 } };
		expect((await call('POST', '/events', tokens.viewer, event)).status).toBe(403);
		expect((await call('POST', '/events', tokens.otherOwner, event)).status).toBe(403);
		const bad = async (patch: object) =>
			((await call('POST', '/events', tokens.owner, { ...event, ...patch })).body as { error: string }).error;
		expect(await bad({ type: 'answer.given' })).toMatch(/^type must be one of/);
		expect(await bad({ data: { comment: 'I really did not like the last question because it was far too long' } })).toBe(
			'data.comment: looks like text, not an id or a count'
		);
		expect(await bad({ data: { who: 'reach me at jo@example.com' } })).toBe('data.who: contains an e-mail address');
		expect(await bad({ data: { answers: { q1: 'yes' } } })).toBe('data.answers: only numbers, booleans, ids and lists of them');
		expect(await bad({ data: { id: 'x'.repeat(129) } })).toBe('data.id: strings are ids of at most 128 characters');
		expect(await bad({ data: 'findings: 3' })).toBe('data must be an object of counts and ids');
	});

	it('limits a room to 120 events a minute (429 with Retry-After)', async () => {
		const { room: busy, token } = await newRoom();
		const event = { room: busy, type: 'check-run.finished', data: { findings: 1 } };
		for (let i = 0; i < EVENTS_PER_MINUTE; i++) expect((await call('POST', '/events', token, event)).status).toBe(202);
		const res = await relay.app.request('/events', {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify(event)
		});
		expect([res.status, Number(res.headers.get('retry-after')) > 0]).toEqual([429, true]);
	});
});
