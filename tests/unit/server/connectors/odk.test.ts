import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { odk } from '../../../../server/connectors/odk/index';
import { startPull, testConnection } from '../../../../server/connectors/run';
import type { PullRequest } from '../../../../server/connectors/types';
import { ODK_FORM, ODK_PASSWORD, ODK_USER, startOdk } from '../../../support/platforms/odk';
import { csvHeader, parseCsv } from '../../../support/platforms/parse-csv';
import { collect, testDeps } from '../../../support/platforms/run-deps';

let server: Awaited<ReturnType<typeof startOdk>>;
let req: PullRequest;
beforeAll(async () => {
	server = await startOdk(130);
	req = { baseUrl: server.url, credentials: { user: ODK_USER, password: ODK_PASSWORD }, form: ODK_FORM };
});
afterAll(() => server.close());

describe('odk connector', () => {
	it('test opens a session and reads labels from the XForm (itext and inline), repeats left out', async () => {
		const { deps } = testDeps();
		const info = await testConnection(odk, req, deps);
		expect(info).toMatchObject({ title: 'Water access', count: 130 });
		expect(info.fields).toEqual([
			{ name: 'household-region', label: 'Which region do you live in?' },
			{ name: 'household-age', label: 'How old are you?' },
			{ name: 'household-children', label: 'How many children under 5 live here?' },
			{ name: 'sources', label: 'Where does your water come from?' },
			{ name: 'comment', label: 'Anything else you want to tell us?' },
			{ name: 'meta-instanceID', label: null }
		]);
	});

	it('pulls OData pages with $top/$skip into Central-style columns', async () => {
		const { deps, log } = testDeps({ pageSize: 50 });
		server.requests.length = 0;
		const csv = await collect((await startPull(odk, req, deps)).chunks);
		const rows = parseCsv(csv);
		expect(rows).toHaveLength(130);
		expect(csvHeader(csv)).toEqual(expect.arrayContaining(['KEY', 'SubmissionDate', 'SubmitterName', 'ReviewState', 'household-age']));
		expect(csvHeader(csv).some((h) => h.includes('@odata'))).toBe(false);
		for (const [i, p] of server.people.entries())
			expect(rows[i]).toMatchObject({
				KEY: `uuid:${p.uuid}`,
				'household-age': String(p.age),
				comment: p.comment,
				SubmitterName: 'Enumerator Ö'
			});
		const skips = server.requests
			.filter((r) => r.includes('.svc/'))
			.map((r) => new URL(r.split(' ')[1]!, server.url).searchParams.get('$skip'));
		expect(skips).toEqual(['0', '50', '100']);
		expect(log[0]).toMatchObject({ fetched: 130, pages: 3, lastSubmission: `${server.people[129]!.submitted}.000Z` });
	});

	it('filters on submissionDate for an incremental pull', async () => {
		const { deps } = testDeps();
		const rows = parseCsv(await collect((await startPull(odk, { ...req, since: `${server.people[119]!.submitted}.000Z` }, deps)).chunks));
		expect(rows.map((r) => r.KEY)).toEqual(server.people.slice(120).map((p) => `uuid:${p.uuid}`));
	});

	it('a wrong password is an auth failure; a bad form id names the expected shape', async () => {
		const { deps, log } = testDeps();
		await expect(testConnection(odk, { ...req, credentials: { user: ODK_USER, password: 'x' } }, deps)).rejects.toThrow(
			/\/v1\/sessions: HTTP 401/
		);
		await expect(testConnection(odk, { ...req, form: 'water_access' }, deps)).rejects.toThrow(/must be PROJECT\/FORM/);
		expect(log.map((e) => e.errorClass)).toEqual(['auth', 'permanent']);
	});

	it('a page that is not OData fails the pull with the transient errors before it retried', async () => {
		const { deps, log, sleeps } = testDeps({ pageSize: 50 });
		server.fail(/\.svc\/Submissions$/, { status: 502 }, { status: 429, retryAfter: new Date(deps.now() + 3000).toUTCString() });
		const pull = await startPull(odk, req, deps);
		server.fail(/\.svc\/Submissions$/, { malformed: true });
		await expect(collect(pull.chunks)).rejects.toThrow(/Submissions: the answer is not JSON/);
		expect(sleeps[0]).toBe(500);
		// an HTTP-date Retry-After, read against the injected clock (whole seconds in the header)
		expect(sleeps[1]).toBeGreaterThan(1000);
		expect(sleeps[1]).toBeLessThanOrEqual(3000);
		expect(log[0]).toMatchObject({ state: 'failed', errorClass: 'permanent', retries: 2, fetched: 50 });
	});
});
