import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../../server/app';
import { DEFAULT_CONNECTORS_CONFIG } from '../../../../server/connectors/config';
import { createSqliteSyncLog } from '../../../../server/connectors/sync-log';
import type { SyncEntry } from '../../../../server/connectors/types';
import type { CreateRoomResponse, InviteResponse } from '../../../../server/protocol/rooms';
import { createMemoryRoomStore } from '../../../../server/store/memory';
import { KOBO_TOKEN, KOBO_UID, startKobo } from '../../../support/platforms/kobo';
import { parseCsv } from '../../../support/platforms/parse-csv';
import { testConfig } from '../relay-harness';

const dir = mkdtempSync(path.join(tmpdir(), 'sieve-connectors-'));
const sleeps: number[] = [];

function relay(allow: string[]) {
	const log = createSqliteSyncLog({ file: path.join(dir, `relay-${allow.length}.sqlite`) });
	const r = createApp(testConfig(), {
		store: createMemoryRoomStore(),
		connectors: { config: { ...DEFAULT_CONNECTORS_CONFIG, pageSize: 100, allow }, log, sleep: async (ms) => void sleeps.push(ms) }
	});
	return r.app;
}

let kobo: Awaited<ReturnType<typeof startKobo>>;
let app: ReturnType<typeof relay>;
let room: CreateRoomResponse;
let viewer: string;
let body: { baseUrl: string; credentials: { token: string }; form: string };

const post = (url: string, token: string | null, payload: unknown) =>
	app.request(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: JSON.stringify(payload)
	});

beforeAll(async () => {
	kobo = await startKobo(250);
	app = relay(['127.0.0.1']);
	room = (await (await app.request('/rooms', { method: 'POST' })).json()) as CreateRoomResponse;
	const inv = await post(`/rooms/${room.room}/invites`, room.token, { role: 'viewer' });
	viewer = ((await inv.json()) as InviteResponse).token;
	body = { baseUrl: kobo.url, credentials: { token: KOBO_TOKEN }, form: KOBO_UID };
});
afterAll(() => kobo.close());

describe('relay /connectors', () => {
	it('test answers the form with its labelled fields, for the owner only', async () => {
		const res = await post('/connectors/kobo/test', room.token, body);
		expect(res.status).toBe(200);
		const info = (await res.json()) as { title: string; count: number; fields: { name: string; label: string }[] };
		expect(info).toMatchObject({ title: 'Water access 2025', count: 250 });
		expect(info.fields).toContainEqual({ name: 'comment', label: 'Anything else you want to tell us?' });
		expect((await post('/connectors/kobo/test', viewer, body)).status).toBe(403);
		expect((await post('/connectors/kobo/test', null, body)).status).toBe(401);
	});

	it('pull streams every submission as CSV with a sync id that the room log names', async () => {
		const res = await post('/connectors/kobo/pull', room.token, body);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const id = res.headers.get('x-sieve-sync-id');
		const rows = parseCsv(await res.text());
		expect(rows.map((r) => r._uuid)).toEqual(kobo.people.map((p) => p.uuid));
		const log = await app.request(`/connectors/log?room=${room.room}`, { headers: { authorization: `Bearer ${viewer}` } });
		const entries = (await log.json()) as SyncEntry[];
		expect(entries[0]).toMatchObject({ id, room: room.room, kind: 'kobo', action: 'pull', state: 'ok', fetched: 250, pages: 3 });
		expect(entries[1]).toMatchObject({ action: 'test', state: 'ok' });
		expect(JSON.stringify(entries)).not.toContain(KOBO_TOKEN);
	});

	it('platform refusals answer 502 with the error class and a logged sync id; bad bodies 400', async () => {
		const res = await post('/connectors/kobo/pull', room.token, { ...body, credentials: { token: 'wrong' } });
		expect(res.status).toBe(502);
		const failure = (await res.json()) as { error: string; class: string; syncId: string };
		expect(failure).toMatchObject({ class: 'auth', error: expect.stringMatching(/HTTP 401/) });
		const entries = (await (
			await app.request(`/connectors/log?room=${room.room}`, { headers: { authorization: `Bearer ${room.token}` } })
		).json()) as SyncEntry[];
		expect(entries[0]).toMatchObject({ id: failure.syncId, state: 'failed', errorClass: 'auth' });
		expect((await post('/connectors/surveymonkey/pull', room.token, body)).status).toBe(400);
		expect((await post('/connectors/kobo/pull', room.token, { form: KOBO_UID })).status).toBe(400);
		expect((await app.request('/connectors/log', { headers: { authorization: `Bearer ${room.token}` } })).status).toBe(400);
	});

	it('retries a 429 with Retry-After on the relay and the client sees only the finished CSV', async () => {
		sleeps.length = 0;
		kobo.fail(/\/data\/$/, { status: 429, retryAfter: '4' }, { status: 500 });
		const res = await post('/connectors/kobo/pull', room.token, body);
		expect(parseCsv(await res.text())).toHaveLength(250);
		expect(sleeps[0]).toBe(4000);
		expect(sleeps).toHaveLength(2);
	});

	it('a page that breaks mid-pull cuts the stream, so the client never takes it for a whole file', async () => {
		const res = await post('/connectors/kobo/pull', room.token, body);
		expect(res.status).toBe(200);
		kobo.fail(/\/data\/$/, { malformed: true });
		await expect(res.text()).rejects.toThrow(/not JSON/);
	});

	it('refuses platforms on private addresses unless RELAY_CONNECTORS_ALLOW lists them', async () => {
		const guarded = relay([]);
		const owner = (await (await guarded.request('/rooms', { method: 'POST' })).json()) as CreateRoomResponse;
		const res = await guarded.request('/connectors/kobo/test', {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
			body: JSON.stringify(body)
		});
		expect(res.status).toBe(502);
		expect(await res.json()).toMatchObject({
			class: 'permanent',
			error: expect.stringMatching(/127\.0\.0\.1 is a private, loopback, link-local or reserved address/)
		});
	});
});
