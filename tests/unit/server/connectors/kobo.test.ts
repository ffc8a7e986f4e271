import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kobo } from '../../../../server/connectors/kobo/index';
import { startPull, testConnection } from '../../../../server/connectors/run';
import type { PullRequest } from '../../../../server/connectors/types';
import { KOBO_TOKEN, KOBO_UID, startKobo } from '../../../support/platforms/kobo';
import { csvHeader, parseCsv } from '../../../support/platforms/parse-csv';
import { collect, testDeps } from '../../../support/platforms/run-deps';

let server: Awaited<ReturnType<typeof startKobo>>;
let req: PullRequest;
beforeAll(async () => {
	server = await startKobo(250);
	req = { baseUrl: `${server.url}/`, credentials: { token: KOBO_TOKEN }, form: KOBO_UID };
});
afterAll(() => server.close());

describe('kobo connector', () => {
	it('test reads the form title, count and question labels by their data-endpoint names', async () => {
		const { deps, log } = testDeps();
		const info = await testConnection(kobo, req, deps);
		expect(info.title).toBe('Water access 2025');
		expect(info.count).toBe(250);
		expect(info.fields).toEqual([
			{ name: 'start', label: null },
			{ name: 'household/region', label: 'Which region do you live in?' },
			{ name: 'household/age', label: 'How old are you?' },
			{ name: 'household/children', label: 'How many children under 5 live here?' },
			{ name: 'sources', label: 'Where does your water come from?' },
			{ name: 'comment', label: 'Anything else you want to tell us?' }
		]);
		expect(log).toMatchObject([{ kind: 'kobo', action: 'test', state: 'ok', id: info.syncId }]);
	});

	it('pulls every submission over limit/start pages into CSV with answers intact', async () => {
		const { deps, log } = testDeps({ pageSize: 100 });
		server.requests.length = 0;
		const pull = await startPull(kobo, req, deps);
		const csv = await collect(pull.chunks);
		const rows = parseCsv(csv);
		expect(rows).toHaveLength(250);
		expect(csvHeader(csv).slice(0, 6)).toEqual(['start', 'household/region', 'household/age', 'household/children', 'sources', 'comment']);
		expect(csvHeader(csv)).toContain('_submission_time');
		for (const [i, p] of server.people.entries()) {
			expect(rows[i]).toMatchObject({
				_uuid: p.uuid,
				'household/region': p.region,
				'household/age': String(p.age),
				sources: p.sources,
				comment: p.comment
			});
		}
		expect(rows[0]!._geolocation).toBe('[null,null]');
		expect(
			server.requests.filter((r) => r.includes('/data/')).map((r) => new URL(r.split(' ')[1]!, server.url).searchParams.get('start'))
		).toEqual(['0', '100', '200']);
		expect(log).toMatchObject([
			{
				action: 'pull',
				state: 'ok',
				fetched: 250,
				pages: 3,
				retries: 0,
				id: pull.id,
				lastSubmission: `${server.people[249]!.submitted}.000Z`,
				warning: null
			}
		]);
	});

	it('pulls only submissions after `since` (incremental)', async () => {
		const { deps, log } = testDeps();
		const since = `${server.people[199]!.submitted}Z`;
		const rows = parseCsv(await collect((await startPull(kobo, { ...req, since }, deps)).chunks));
		expect(rows.map((r) => r._uuid)).toEqual(server.people.slice(200).map((p) => p.uuid));
		expect(log[0]).toMatchObject({ fetched: 50, since });
	});

	it('a wrong token fails before anything streams, classed auth', async () => {
		const { deps, log } = testDeps();
		await expect(startPull(kobo, { ...req, credentials: { token: 'nope' } }, deps)).rejects.toThrow(/HTTP 401.*Invalid token/);
		expect(log).toMatchObject([{ state: 'failed', errorClass: 'auth', fetched: 0, retries: 0 }]);
	});

	it('an unknown form is permanent and not retried', async () => {
		const { deps, log, sleeps } = testDeps();
		await expect(testConnection(kobo, { ...req, form: 'missing' }, deps)).rejects.toThrow(/HTTP 404/);
		expect(log[0]).toMatchObject({ errorClass: 'permanent', retries: 0 });
		expect(sleeps).toEqual([]);
	});

	it('waits out 429 with Retry-After and a 500, then finishes the pull', async () => {
		const { deps, log, sleeps } = testDeps({ pageSize: 100 });
		server.fail(/\/data\/$/, { status: 429, retryAfter: '7' });
		const pull = await startPull(kobo, req, deps);
		server.fail(/\/data\/$/, { status: 500 });
		const rows = parseCsv(await collect(pull.chunks));
		expect(rows).toHaveLength(250);
		// Retry-After is honoured as given; the 500 is the first retry of its request: half (random 0.5) of the 1 s base
		expect(sleeps).toEqual([7000, 500]);
		expect(log[0]).toMatchObject({ state: 'ok', fetched: 250, retries: 2 });
	});

	it('gives up after the retry limit with the transient class', async () => {
		const { deps, log, sleeps } = testDeps();
		server.fail(/\/data\/$/, ...Array.from({ length: 4 }, () => ({ status: 503 })));
		await expect(startPull(kobo, req, deps)).rejects.toThrow(/HTTP 503/);
		expect(sleeps).toEqual([500, 1000, 2000]);
		expect(log[0]).toMatchObject({ state: 'failed', errorClass: 'transient', retries: 3 });
	});

	it('a malformed page mid-pull ends the stream with a clear error and a failed log entry', async () => {
		const { deps, log } = testDeps({ pageSize: 100 });
		const pull = await startPull(kobo, req, deps);
		server.fail(/\/data\/$/, { malformed: true });
		await expect(collect(pull.chunks)).rejects.toThrow(/\/api\/v2\/assets\/aXk9Wq2mT5bLp\/data\/: the answer is not JSON/);
		expect(log).toMatchObject([{ state: 'failed', errorClass: 'permanent', fetched: 100, pages: 1 }]);
	});
});
