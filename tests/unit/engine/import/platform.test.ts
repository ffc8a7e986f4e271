import { describe, expect, it } from 'vitest';
import { importFixture, rows } from './helpers';

const LIKERT = ['Q1_1', 'Q1_2', 'Q1_3', 'Q1_4', 'Q1_5'];
const typeOf = (vars: { name: string; type: string }[], name: string) => vars.find((v) => v.name === name)?.type;

describe('survey platform exports', () => {
	it('Qualtrics CSV: row 2 becomes labels, row 3 ImportId attributes, data from row 4 typed as usual', async () => {
		const { db, result } = await importFixture('platform/qualtrics.csv');
		const vars = result.dictionary.variables;
		expect(result.rows).toBe(40);
		expect(result.platform).toBe('qualtrics');
		expect(result.dictionary.warnings).toEqual(['Qualtrics export: 2 header rows read as labels (question text) and import ids']);
		expect(vars.map((v) => v.name).slice(0, 9)).toEqual([
			'StartDate',
			'EndDate',
			'Status',
			'IPAddress',
			'Progress',
			'Duration (in seconds)',
			'Finished',
			'RecordedDate',
			'ResponseId'
		]);
		for (const n of [...LIKERT, 'Q2', 'S1', 'Progress', 'Duration (in seconds)', 'Finished', 'Q4_Page Submit'])
			expect(typeOf(vars, n), n).toBe('numeric');
		for (const n of ['StartDate', 'EndDate', 'RecordedDate']) expect(typeOf(vars, n), n).toBe('datetime');
		expect(typeOf(vars, 'Q3')).toBe('string');
		const q11 = vars.find((v) => v.name === 'Q1_1')!;
		// the question text spans two lines in the file; the label keeps it on one
		expect(q11.label).toBe('How satisfied are you with the following? (1 = very dissatisfied, 5 = very satisfied) - the price');
		expect(q11.attributes).toEqual({ ImportId: ['QID1_1'] });
		expect(vars.find((v) => v.name === 'StartDate')!.attributes).toEqual({ ImportId: ['startDate'], timeZone: ['America/Denver'] });
		expect(vars.find((v) => v.name === 'Q2')!.label).toBe('Please select "Strongly agree" for this statement, to show you are reading.');
		const [r] = await rows(
			db,
			`SELECT count(*) AS n, count(DISTINCT ResponseId) AS ids, count_if(NOT regexp_full_match(ResponseId, 'R_[A-Za-z0-9]{15}'))::INTEGER AS bad,
			min(Q1_1) AS lo, max(Q1_5) AS hi, count_if(Finished = 0)::INTEGER AS partial, strftime(min(StartDate), '%Y-%m-%d') AS first FROM data`
		);
		// the generator leaves respondents 7, 20 and 33 unfinished
		expect(r).toEqual({ n: 40, ids: 40, bad: 0, lo: 1, hi: 5, partial: 3, first: '2026-03-02' });
		await db.close();
	});

	it('Qualtrics TSV (UTF-16LE with a BOM, JSON cells unquoted) reads the same way', async () => {
		const { db, result } = await importFixture('platform/qualtrics.tsv');
		expect(result.csv).toEqual({ encoding: 'utf-16le', delimiter: '\t', quote: '"' });
		expect(result.rows).toBe(12);
		const vars = result.dictionary.variables;
		expect(vars.find((v) => v.name === 'Q3')!.attributes).toEqual({ ImportId: ['QID3_TEXT'] });
		expect(vars.find((v) => v.name === 'EndDate')!.attributes).toEqual({ ImportId: ['endDate'], timeZone: ['America/Denver'] });
		for (const n of LIKERT) expect(typeOf(vars, n)).toBe('numeric');
		expect(typeOf(vars, 'StartDate')).toBe('datetime');
		const csv = await importFixture('platform/qualtrics.csv');
		const same = `SELECT ResponseId, Q1_1, Q1_2, Q1_3, Q1_4, Q1_5, "Duration (in seconds)" AS d FROM data ORDER BY __row LIMIT 12`;
		expect(await rows(db, same)).toEqual(await rows(csv.db, same));
		await csv.db.close();
		await db.close();
	});

	it('Qualtrics Excel export: header rows skipped, text timestamps typed', async () => {
		const { db, result } = await importFixture('platform/qualtrics.xlsx');
		const vars = result.dictionary.variables;
		expect(result.platform).toBe('qualtrics');
		expect(result.rows).toBe(10);
		expect(typeOf(vars, 'StartDate')).toBe('datetime');
		expect(typeOf(vars, 'Q1_3')).toBe('numeric');
		expect(vars.find((v) => v.name === 'Q1_3')!.attributes).toEqual({ ImportId: ['QID1_3'] });
		const [r] = await rows(db, `SELECT strftime(StartDate, '%Y-%m-%d %H') AS s FROM data ORDER BY __row LIMIT 1`);
		expect(r.s).toBe('2026-03-02 08');
		await db.close();
	});

	it('legacy Qualtrics: V1…V10 take their row-2 names, the question text becomes labels', async () => {
		const { db, result } = await importFixture('platform/qualtrics-legacy.csv');
		const vars = result.dictionary.variables;
		expect(result.rows).toBe(12);
		expect(vars.map((v) => v.name).slice(0, 11)).toEqual([
			'ResponseID',
			'ResponseSet',
			'Name',
			'ExternalDataReference',
			'EmailAddress',
			'IPAddress',
			'Status',
			'StartDate',
			'EndDate',
			'Finished',
			'Q1_1'
		]);
		expect(vars.find((v) => v.name === 'Q1_2')!.label).toBe('Please rate our service-Speed');
		expect(typeOf(vars, 'Q1_2')).toBe('numeric');
		expect(typeOf(vars, 'StartDate')).toBe('datetime');
		expect(result.dictionary.warnings[0]).toMatch(
			/^Qualtrics legacy export: header row 2 read as labels; renamed V1 → ResponseID, V2 → ResponseSet/
		);
		await db.close();
	});

	it('SurveyMonkey: question text and sub-headers become Q-names and labels, its US timestamps datetimes', async () => {
		const { db, result } = await importFixture('platform/surveymonkey.csv');
		const vars = result.dictionary.variables;
		expect(result.rows).toBe(20);
		expect(vars.map((v) => [v.name, v.label])).toEqual([
			['Respondent ID', null],
			['Collector ID', null],
			['Start Date', null],
			['End Date', null],
			['IP Address', null],
			['Email Address', null],
			['First Name', null],
			['Last Name', null],
			['Custom Data 1', null],
			['Q1', 'How likely are you to recommend us to a friend?'],
			['Q2_1', 'Which of these fruits do you buy? (select all that apply) - Apples'],
			['Q2_2', 'Which of these fruits do you buy? (select all that apply) - Bananas'],
			['Q2_3', 'Which of these fruits do you buy? (select all that apply) - Mangoes'],
			['Q2_4', 'Which of these fruits do you buy? (select all that apply) - Other (please specify)'],
			['Q3_1', 'Please rate the following: - Price'],
			['Q3_2', 'Please rate the following: - Quality'],
			['Q3_3', 'Please rate the following: - Service'],
			['Q4', 'Any other comments?']
		]);
		expect(typeOf(vars, 'Start Date')).toBe('datetime');
		expect(typeOf(vars, 'Q3_2')).toBe('numeric');
		const [r] = await rows(
			db,
			`SELECT strftime("Start Date", '%Y-%m-%d %H:%M:%S') AS s, strftime(max("End Date"), '%H') AS h FROM data GROUP BY ALL ORDER BY s LIMIT 1`
		);
		expect(r.s).toBe('2026-02-10 07:30:00');
		// select-all-that-apply: ticked = 1, not ticked by someone who answered = 0, question skipped = missing
		expect(result.dictionary.mrSets).toEqual([
			{
				name: '$Q2',
				label: 'Which of these fruits do you buy? (select all that apply)',
				kind: 'dichotomy',
				countedValue: '1',
				variables: ['Q2_1', 'Q2_2', 'Q2_3']
			}
		]);
		expect(vars.find((v) => v.name === 'Q2_2')!.valueLabels).toEqual({ '0': 'Not selected', '1': 'Bananas' });
		expect(typeOf(vars, 'Q2_4')).toBe('string');
		const fruit = await rows(db, `SELECT Q2_1, Q2_2, Q2_3, Q2_4 FROM data ORDER BY __row LIMIT 3`);
		expect(fruit).toEqual([
			{ Q2_1: 1, Q2_2: 1, Q2_3: 0, Q2_4: 'Kiwis' },
			{ Q2_1: 1, Q2_2: 0, Q2_3: 1, Q2_4: null },
			{ Q2_1: 0, Q2_2: 1, Q2_3: 0, Q2_4: null }
		]);
		const [skipped] = await rows(db, `SELECT count(*)::INTEGER AS n FROM data WHERE Q2_1 IS NULL AND Q2_2 IS NULL AND Q2_3 IS NULL`);
		const [blank] = await rows(db, `SELECT count(*)::INTEGER AS n FROM data WHERE Q2_1 IS NULL`);
		expect([skipped.n, blank.n]).toEqual([1, 1]);
		await db.close();
	});

	it('Kobo (semicolons) and ODK keep group/question names and gather select_multiple flags into sets', async () => {
		const kobo = await importFixture('platform/kobo.csv');
		expect(kobo.result.csv?.delimiter).toBe(';');
		const kv = kobo.result.dictionary.variables;
		expect(kv.map((v) => v.name)).toContain('respondent/age');
		expect(typeOf(kv, 'respondent/age')).toBe('numeric');
		expect(typeOf(kv, 'start')).toBe('datetime');
		expect(kobo.result.dictionary.mrSets).toEqual([
			{
				name: '$fruits',
				label: 'fruits',
				kind: 'dichotomy',
				countedValue: '1',
				variables: ['fruits/apple', 'fruits/banana', 'fruits/mango']
			}
		]);
		// the space-separated answer and its flags agree row by row
		const [k] = await rows(
			kobo.db,
			`SELECT count_if(("fruits/mango" = 1) <> coalesce(contains(fruits, 'mango'), false))::INTEGER AS off, max("household/size") AS big FROM data`
		);
		expect(k.off).toBe(0);
		expect(Number(k.big)).toBeLessThanOrEqual(8);
		await kobo.db.close();

		const odk = await importFixture('platform/odk.csv');
		expect(odk.result.dictionary.mrSets?.map((m) => m.variables)).toEqual([['crops/maize', 'crops/beans', 'crops/cassava']]);
		expect(typeOf(odk.result.dictionary.variables, 'hh-head_age')).toBe('numeric');
		await odk.db.close();

		const redcap = await importFixture('platform/redcap.csv');
		expect(redcap.result.dictionary.mrSets?.map((m) => [m.name, m.variables.length])).toEqual([['$symptoms', 4]]);
		await redcap.db.close();
	});

	it('leaves ordinary CSV files as they were: no platform, no labels, no sets, no warnings', async () => {
		for (const f of ['utf8.csv', 'bom-semicolon.csv', 'cp1252-tab.csv', 'utf16.csv', 'codes.csv', 'timestamps.csv', 'ragged.csv']) {
			let result;
			try {
				({ result } = await importFixture(f));
			} catch (e) {
				expect(f).toBe('ragged.csv');
				expect(String(e)).toMatch(/ragged\.csv: 1 row does not have the header's \d+ fields: line \d+ has \d+/);
				continue;
			}
			expect(result.platform, f).toBeUndefined();
			expect(result.dictionary.warnings, f).toEqual([]);
			expect(result.dictionary.mrSets, f).toBeUndefined();
			expect(
				result.dictionary.variables.every((v) => v.label === null && v.attributes === undefined),
				f
			).toBe(true);
		}
	});
});
