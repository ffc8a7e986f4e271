import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualtrics } from '../../../../server/connectors/qualtrics/index';
import { redcap } from '../../../../server/connectors/redcap/index';
import { startPull, testConnection } from '../../../../server/connectors/run';
import { parseCsv } from '../../../support/platforms/parse-csv';
import { QUALTRICS_TOKEN, startQualtrics, SURVEY_ID } from '../../../support/platforms/qualtrics';
import { REDCAP_TOKEN, startRedcap } from '../../../support/platforms/redcap';
import { collect, testDeps } from '../../../support/platforms/run-deps';

let qx: Awaited<ReturnType<typeof startQualtrics>>;
let rc: Awaited<ReturnType<typeof startRedcap>>;
beforeAll(async () => {
	[qx, rc] = await Promise.all([startQualtrics(90), startRedcap(75)]);
});
afterAll(() => Promise.all([qx.close(), rc.close()]));

describe('qualtrics connector', () => {
	const req = () => ({ baseUrl: qx.url, credentials: { token: QUALTRICS_TOKEN }, form: SURVEY_ID });

	it('starts an export, polls until complete, downloads it and names columns by export tag with question text labels', async () => {
		const { deps, sleeps, log } = testDeps({ pageSize: 40 });
		const pull = await startPull(qualtrics, req(), deps);
		expect(pull.info.fields).toContainEqual({ name: 'Q1', label: 'Which region do you live in?' });
		expect(pull.info.fields).toContainEqual({ name: 'Q3_1', label: 'Children by age - Under 5' });
		const rows = parseCsv(await collect(pull.chunks));
		expect(rows).toHaveLength(90);
		expect(rows[4]).toMatchObject({
			ResponseId: `R_${qx.people[4]!.uuid}`,
			Q1: '2',
			Q2_TEXT: String(qx.people[4]!.age),
			'Duration (in seconds)': '304',
			Finished: '1'
		});
		expect(rows.map((r) => r.Q5_TEXT)).toEqual(qx.people.map((p) => p.comment));
		// two polls answered "inProgress": the waits between polls go through the injected sleep
		expect(sleeps).toEqual([1000, 1000]);
		expect(log[0]).toMatchObject({ state: 'ok', fetched: 90, pages: 3, lastSubmission: `${qx.people[89]!.submitted}.089Z` });
	});

	it('a 429 on the progress poll is waited out; an invalid token is auth', async () => {
		const { deps, sleeps } = testDeps();
		qx.fail(/export-responses\/ES_\d+$/, { status: 429, retryAfter: '2' });
		expect(parseCsv(await collect((await startPull(qualtrics, req(), deps)).chunks))).toHaveLength(90);
		expect(sleeps).toContain(2000);
		const bad = testDeps();
		await expect(testConnection(qualtrics, { ...req(), credentials: { token: 'x' } }, bad.deps)).rejects.toThrow(
			/HTTP 401.*Invalid API token/
		);
		expect(bad.log[0]?.errorClass).toBe('auth');
	});
});

describe('redcap connector', () => {
	const req = () => ({ baseUrl: rc.url, credentials: { token: REDCAP_TOKEN }, form: 'household' });

	it('labels come from metadata (checkbox choices as their own columns); records arrive in batches of ids', async () => {
		const { deps, log } = testDeps({ pageSize: 30 });
		const info = await testConnection(redcap, req(), deps);
		expect(info).toMatchObject({ title: 'Water access (REDCap)', count: 75 });
		expect(info.fields.map((f) => f.name)).toEqual([
			'record_id',
			'region',
			'age',
			'sources___1',
			'sources___2',
			'sources___3',
			'sources___4',
			'comment',
			'household_complete'
		]);
		expect(info.fields).toContainEqual({ name: 'sources___2', label: 'Where does your water come from?: River' });
		rc.requests.length = 0;
		const rows = parseCsv(await collect((await startPull(redcap, req(), deps)).chunks));
		expect(rows).toHaveLength(75);
		expect(rows[1]).toMatchObject({
			record_id: 'HH-0002',
			sources___1: '1',
			sources___2: '1',
			sources___3: '0',
			comment: rc.people[1]!.comment
		});
		// the form first (project, metadata, ids for the count), then metadata, ids and 3 batches of 30, 30, 15 ids
		expect(rc.requests.filter((r) => r === 'POST /api/')).toHaveLength(3 + 2 + 3);
		// REDCap filters on its own change time: the next since is when this pull started
		expect(log[1]).toMatchObject({ state: 'ok', fetched: 75, pages: 3, lastSubmission: log[1]!.at });
	});

	it('a bad token answers 403, classed auth, not retried', async () => {
		const { deps, log, sleeps } = testDeps();
		await expect(startPull(redcap, { ...req(), credentials: { token: 'nope' } }, deps)).rejects.toThrow(/HTTP 403.*permissions/);
		expect(log[0]).toMatchObject({ errorClass: 'auth', retries: 0 });
		expect(sleeps).toEqual([]);
	});
});
