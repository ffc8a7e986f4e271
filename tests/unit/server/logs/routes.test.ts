import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGS_CONFIG } from '../../../../server/logs/config';
import { LOGS_MAX_BYTES, TRACEPARENT_RE, type ErrorGroup, type LogsPage, type StoredLogEntry } from '../../../../server/protocol/logs';
import { TRACE, logsRelay, traceparent } from './logs-harness';

const boom = (n: number) => ({
	name: 'TypeError',
	message: `row ${n} has no value`,
	stack: `TypeError: x\n    at readRow (http://h/a.js:${n}:1)`
});

describe('POST /logs', () => {
	it('needs a room token and a W3C traceparent, and names the bad entry', async () => {
		const r = await logsRelay();
		const ok = [r.entry('hello')];
		expect((await r.post(ok, { authorization: '' })).status).toBe(401);
		expect((await r.post(ok, { authorization: 'Bearer forged.token' })).status).toBe(401);
		expect((await r.post(ok, { traceparent: '' })).status).toBe(400);
		expect((await r.post(ok, { traceparent: traceparent('0'.repeat(32)) })).status).toBe(400);
		expect((await r.post(ok, { traceparent: `ff-${TRACE}-00f067aa0ba902b7-01` })).status).toBe(400);
		const bad = await r.post([r.entry('fine'), { time: 'yesterday', level: 'info', message: 'x' }]);
		expect(bad.status).toBe(400);
		expect(await bad.json()).toEqual({ error: 'entry 1: time must be an ISO-8601 date-time' });
		expect((await r.post([{ ...r.entry('x'), level: 'fatal' }])).status).toBe(400);
		expect((await r.post('{"not":"an array"}')).status).toBe(400);
		expect((await r.get<LogsPage>('/logs')).entries).toEqual([]);
		expect((await r.post(ok)).status).toBe(202);
	});

	it('refuses more than 100 entries or 61,440 bytes with 413, and takes exactly 100', async () => {
		const r = await logsRelay();
		const many = (n: number) => Array.from({ length: n }, (_, i) => r.entry(`m${i}`));
		expect((await r.post(many(101))).status).toBe(413);
		expect((await r.post(many(100))).status).toBe(202);
		const big = [r.entry('x'.repeat(LOGS_MAX_BYTES))];
		expect((await r.post(big)).status).toBe(413);
		expect((await r.get<LogsPage>('/logs?limit=1000')).entries).toHaveLength(100);
	});

	it('limits batches per room token and minute with 429 and Retry-After', async () => {
		const r = await logsRelay({ config: { ...DEFAULT_LOGS_CONFIG, postsPerMinute: 3 } });
		for (let i = 0; i < 3; i++) expect((await r.post([r.entry(`m${i}`)])).status).toBe(202);
		const limited = await r.post([r.entry('one too many')]);
		expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '60']);
		r.advance(60_000);
		expect((await r.post([r.entry('next minute')])).status).toBe(202);
		expect((await r.get<LogsPage>('/logs')).entries.map((e) => e.message)).toEqual(['next minute', 'm2', 'm1', 'm0']);
	});

	it('redacts secrets, e-mails, cards and IBANs before storing, whatever the client sent', async () => {
		const r = await logsRelay();
		await r.post([
			r.entry('login failed for ana@example.org', 'warn', 0, {
				context: { password: 'hunter2', apiKey: 'sk-live-1', iban: 'DE89 3704 0044 0532 0130 00', rows: 12 },
				error: { name: 'Error', message: 'card 4111 1111 1111 1111 declined', stack: 'Error: card 4111111111111111\n    at pay (x.js:1:1)' }
			})
		]);
		const raw = JSON.stringify(r.db.prepare('SELECT * FROM logs_entries').all());
		for (const secret of ['ana@example.org', 'hunter2', 'sk-live-1', 'DE89', '4111']) expect(raw).not.toContain(secret);
		const [e] = (await r.get<LogsPage>('/logs')).entries;
		expect(e!.message).toBe('login failed for [EMAIL]');
		expect(e!.context).toEqual({ password: '[REDACTED]', apiKey: '[REDACTED]', iban: '[IBAN]', rows: 12 });
		expect(e!.error!.message).toBe('card [CARD] declined');
	});
});

describe('GET /logs', () => {
	it('is for the admin only', async () => {
		const r = await logsRelay();
		expect((await r.app.request('/logs')).status).toBe(401);
		expect((await r.app.request('/logs', { headers: { authorization: `Bearer ${r.token}` } })).status).toBe(401);
	});

	it('filters by minimum level, time, trace and text, and pages with a cursor without gaps or repeats', async () => {
		const r = await logsRelay();
		const levels = ['debug', 'info', 'warn', 'error'] as const;
		await r.post(Array.from({ length: 25 }, (_, i) => r.entry(`step ${i}${i === 7 ? ' Needle' : ''}`, levels[i % 4], (25 - i) * 60_000)));
		const other = '0af7651916cd43dd8448eb211c80319c';
		await r.post([r.entry('other trace')], { traceparent: traceparent(other) });

		const pages: string[][] = [];
		let cursor: string | null = '';
		do {
			const page: LogsPage = await r.get<LogsPage>(`/logs?trace=${TRACE}&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
			pages.push(page.entries.map((e) => e.message));
			cursor = page.cursor;
		} while (cursor);
		expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
		expect(new Set(pages.flat()).size).toBe(25);
		expect(pages[0]![0]).toBe('step 24');

		const warn = await r.get<LogsPage>('/logs?level=warn&limit=100');
		expect(warn.entries.map((e) => e.level).sort()).toEqual([...Array(6).fill('error'), ...Array(6).fill('warn')]);
		const since = new Date(r.now() - 5 * 60_000).toISOString();
		const until = new Date(r.now() - 2 * 60_000).toISOString();
		expect((await r.get<LogsPage>(`/logs?since=${since}&until=${until}&trace=${TRACE}`)).entries.map((e) => e.message)).toEqual([
			'step 23',
			'step 22',
			'step 21',
			'step 20'
		]);
		expect((await r.get<LogsPage>('/logs?q=needle')).entries.map((e) => e.message)).toEqual(['step 7 Needle']);
		const traced = await r.get<LogsPage>(`/logs?trace=${other}`);
		expect(traced.entries.map((e) => [e.message, e.trace, e.room])).toEqual([['other trace', other, r.room]]);
		for (const bad of ['level=fatal', 'since=monday', 'trace=xyz', 'limit=0', 'cursor=%%%'])
			expect((await r.app.request(`/logs?${bad}`, { headers: r.admin })).status, bad).toBe(400);
	});
});

describe('error groups', () => {
	it('groups errors by fingerprint with counts and first/last seen; resolving holds until the error comes back', async () => {
		const r = await logsRelay();
		await r.post([
			r.entry('read failed', 'error', 120_000, { error: boom(3) }),
			r.entry('read failed', 'error', 60_000, { error: boom(99), count: 3 })
		]);
		await r.post([r.entry('other', 'error', 0, { error: { name: 'RangeError', message: 'too big' } })]);
		const groups = await r.get<ErrorGroup[]>('/logs/errors');
		expect(groups.map((g) => [g.message, g.count, g.resolved])).toEqual([
			['too big', 1, false],
			['row 3 has no value', 4, false]
		]);
		const read = groups[1]!;
		expect(read.firstSeen).toBe(new Date(r.now() - 120_000).toISOString());
		expect(read.lastSeen).toBe(new Date(r.now() - 60_000).toISOString());
		expect(read.fingerprint).toMatch(/^[0-9a-f]{16}$/);

		const resolve = (fp: string) => r.app.request(`/logs/errors/${fp}/resolve`, { method: 'POST', headers: r.admin });
		expect((await resolve(read.fingerprint)).status).toBe(200);
		expect((await resolve('feedfacefeedface')).status).toBe(404);
		expect((await r.get<ErrorGroup[]>('/logs/errors')).find((g) => g.fingerprint === read.fingerprint)!.resolved).toBe(true);
		await r.post([r.entry('read failed', 'error', 0, { error: boom(7) })]);
		const back = (await r.get<ErrorGroup[]>('/logs/errors')).find((g) => g.fingerprint === read.fingerprint)!;
		expect([back.count, back.resolved]).toEqual([5, false]);
	});
});

describe('GET /logs/export', () => {
	it('exports the filtered entries oldest first as JSON, CSV and text', async () => {
		const r = await logsRelay();
		await r.post([
			r.entry('=SUM(A1)', 'warn', 2000),
			r.entry('said "hi", left', 'error', 1000, { error: boom(1), count: 2 }),
			r.entry('quiet', 'debug')
		]);
		const get = async (q: string) => {
			const res = await r.app.request(`/logs/export?${q}`, { headers: r.admin });
			return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
		};
		const json = await get('format=json&level=warn');
		expect((JSON.parse(json.body) as StoredLogEntry[]).map((e) => e.message)).toEqual(['=SUM(A1)', 'said "hi", left']);
		const csv = await get('format=csv&level=warn');
		expect(csv.type).toContain('text/csv');
		const lines = csv.body.trimEnd().split('\r\n');
		expect(lines[0]).toBe('id,time,level,message,count,trace,room,error,context');
		expect(lines[1]).toContain(",warn,'=SUM(A1),1,");
		expect(lines[2]).toContain(',error,"said ""hi"", left",2,');
		const txt = await get('format=txt');
		expect(txt.body.split('\n')).toHaveLength(4);
		expect(txt.body).toContain(`ERROR [${TRACE}] said "hi", left (×2) | TypeError: row 1 has no value`);
		expect((await get('format=xml')).status).toBe(400);
	});
});

describe('request log', () => {
	it('logs the relay requests by route with the caller trace id, answers with its own span of that trace, and aggregates per minute', async () => {
		const r = await logsRelay();
		const res = await r.post([r.entry('x')]);
		const echoed = res.headers.get('traceparent')!.match(TRACEPARENT_RE)!;
		expect(echoed[2]).toBe(TRACE);
		await r.app.request('/health');
		r.advance(60_000);
		await r.app.request(`/rooms/${r.room}/invites`, { method: 'POST', headers: { authorization: 'Bearer nope' } });
		const lines = await r.get<{ method: string; route: string; status: number; trace: string; durationMs: number }[]>(
			`/logs/requests?trace=${TRACE}`
		);
		expect(lines.map((l) => [l.method, l.route, l.status])).toEqual([['POST', '/logs', 202]]);
		const all = await r.get<{ route: string; status: number }[]>('/logs/requests');
		expect(all.map((l) => [l.route, l.status])).toEqual([
			['/logs/requests', 200],
			['/rooms/:room/invites', 401],
			['/health', 200],
			['/logs', 202],
			['/rooms', 201]
		]);
		const minutes = await r.get<{ requests: number; slow: number }[]>('/logs/metrics?period=minute');
		expect(minutes.map((m) => m.requests)).toEqual([3, 3]);
		expect((await r.get<{ requests: number }[]>('/logs/metrics?period=day')).map((m) => m.requests)).toEqual([7]);
	});
});
