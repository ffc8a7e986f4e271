import { describe, expect, it } from 'vitest';
import { detectPlatform, detectRoles, nameKey } from '../../../../app/lib/engine/roles';
import { paradataOf } from '../../../../app/lib/engine/checks/context';
import { importFixture } from '../import/helpers';

const QUALTRICS_PARADATA = [
	'Status',
	'Progress',
	'Finished',
	'RecordedDate',
	'RecipientLastName',
	'RecipientFirstName',
	'RecipientEmail',
	'ExternalReference',
	'LocationLatitude',
	'LocationLongitude',
	'DistributionChannel',
	'UserLanguage',
	'Q_RecaptchaScore',
	'Q_RelevantIDDuplicate',
	'Q_RelevantIDDuplicateScore',
	'Q_RelevantIDFraudScore',
	'Q_RelevantIDLastStartDate',
	'Q4_First Click',
	'Q4_Last Click',
	'Q4_Click Count'
];

async function rolesOf(file: string) {
	const { db, result } = await importFixture(`platform/${file}`);
	const roles = await detectRoles(db, result.dictionary);
	await db.close();
	return roles;
}

describe('roles of platform exports', () => {
	it('normalises names so CSV and SPSS spellings of Qualtrics columns match', () => {
		expect(['Duration (in seconds)', 'Duration__in_seconds_'].map(nameKey)).toEqual(['duration_in_seconds', 'duration_in_seconds']);
		const spss = [
			'StartDate',
			'EndDate',
			'Status',
			'IPAddress',
			'Progress',
			'Duration__in_seconds_',
			'Finished',
			'RecordedDate',
			'ResponseId',
			'Q1'
		];
		expect(detectPlatform(spss)).toBe('qualtrics');
		expect(detectPlatform(['id', 'start', 'end', 'status', 'q1'])).toBeNull();
		expect(detectPlatform(['record_id', 'age'])).toBeNull();
	});

	it('Qualtrics: id, times, duration, ip, page timer; system columns are paradata, not answers', async () => {
		const r = await rolesOf('qualtrics.csv');
		expect(r.platform).toBe('qualtrics');
		expect([r.id, r.start, r.end, r.duration, r.durationScale, r.ip]).toEqual([
			'ResponseId',
			'StartDate',
			'EndDate',
			'Duration (in seconds)',
			1,
			'IPAddress'
		]);
		expect(r.paradata).toEqual(QUALTRICS_PARADATA);
		expect(r.pageTimes).toEqual(['Q4_Page Submit']);
		expect(r.grids.map((g) => [g.name, g.items, g.scale])).toEqual([['Q1', ['Q1_1', 'Q1_2', 'Q1_3', 'Q1_4', 'Q1_5'], [1, 5]]]);
		expect(r.openEnds).toEqual(['Q3']);
		expect(r.attentionChecks).toEqual(['Q2']);
		expect(r.screeners).toEqual(['S1']);
		expect(r.demographics).toEqual({}); // "Are you 18 years of age or older?" screens, it does not record an age
		const notAnswers = paradataOf(r);
		for (const p of [...QUALTRICS_PARADATA, 'ResponseId', 'StartDate', 'Duration (in seconds)', 'Q4_Page Submit'])
			expect(notAnswers.has(p), p).toBe(true);
		for (const q of ['Q1_1', 'Q2', 'Q3', 'S1']) expect(notAnswers.has(q), q).toBe(false);
	});

	it('legacy Qualtrics, SurveyMonkey, Kobo, ODK and REDCap: their ids, times and system columns', async () => {
		const legacy = await rolesOf('qualtrics-legacy.csv');
		expect([legacy.platform, legacy.id, legacy.start, legacy.end, legacy.ip]).toEqual([
			'qualtrics',
			'ResponseID',
			'StartDate',
			'EndDate',
			'IPAddress'
		]);
		expect(legacy.paradata).toEqual([
			'ResponseSet',
			'Name',
			'ExternalDataReference',
			'EmailAddress',
			'Status',
			'Finished',
			'LocationLatitude',
			'LocationLongitude',
			'LocationAccuracy'
		]);

		const monkey = await rolesOf('surveymonkey.csv');
		expect([monkey.platform, monkey.id, monkey.start, monkey.end, monkey.ip]).toEqual([
			'surveymonkey',
			'Respondent ID',
			'Start Date',
			'End Date',
			'IP Address'
		]);
		expect(monkey.paradata).toEqual(['Collector ID', 'Email Address', 'First Name', 'Last Name', 'Custom Data 1']);
		expect(monkey.grids.map((g) => g.items)).toEqual([['Q3_1', 'Q3_2', 'Q3_3']]);
		expect(monkey.openEnds).toEqual(['Q4']);

		const kobo = await rolesOf('kobo.csv');
		expect([kobo.platform, kobo.id, kobo.start, kobo.end]).toEqual(['kobo', '_uuid', 'start', 'end']);
		expect([...kobo.paradata].sort()).toEqual(
			[
				'today',
				'deviceid',
				'_id',
				'_submission_time',
				'_validation_status',
				'_notes',
				'_status',
				'_submitted_by',
				'__version__',
				'_tags',
				'_index'
			].sort()
		);
		expect(kobo.openEnds).toEqual(['comments']);
		expect(kobo.interviewer).toBe('_submitted_by');
		expect(kobo.grids.flatMap((g) => g.items)).not.toContain('fruits/apple');

		const odk = await rolesOf('odk.csv');
		expect([odk.platform, odk.id, odk.start, odk.end]).toEqual(['odk', 'KEY', 'start', 'end']);
		expect([...odk.paradata].sort()).toEqual(
			[
				'SubmissionDate',
				'today',
				'deviceid',
				'meta-instanceID',
				'SubmitterID',
				'SubmitterName',
				'AttachmentsPresent',
				'AttachmentsExpected',
				'Status',
				'ReviewState',
				'DeviceID_2',
				'Edits',
				'FormVersion'
			].sort()
		);

		expect(odk.interviewer).toBe('SubmitterName');

		const redcap = await rolesOf('redcap.csv');
		expect([redcap.platform, redcap.id]).toEqual(['redcap', 'record_id']);
		expect(redcap.paradata).toEqual(['redcap_event_name', 'redcap_survey_identifier', 'baseline_timestamp', 'baseline_complete']);
		expect([monkey.interviewer, redcap.interviewer]).toEqual([null, null]);
		expect(redcap.grids).toEqual([]); // checkbox flags are a multiple-response set, not a rating grid
	});
});
