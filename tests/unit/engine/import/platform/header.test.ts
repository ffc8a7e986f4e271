import { describe, expect, it } from 'vitest';
import { platformHeader } from '../../../../../app/lib/engine/import/platform';

describe('platformHeader', () => {
	it('reads a Qualtrics third row of ImportId JSON, quoted or with its quotes stripped by a TSV read', () => {
		const plan = platformHeader(['ResponseId', 'Q1'], [['Response ID', 'How old are you?'], ['{"ImportId":"_recordId"}', '{ImportId:QID1}']]);
		expect(plan).toMatchObject({ platform: 'qualtrics', extraRows: 2, labels: ['Response ID', 'How old are you?'], attributes: [{ ImportId: ['_recordId'] }, { ImportId: ['QID1'] }] });
	});

	it('does not misfire on ordinary headers and data', () => {
		const cases: [string[], string[][]][] = [
			[['id', 'json'], [['1', '{"ImportId":"x"}'], ['2', '{"ImportId":"y"}']]], // JSON data, but not in the first column
			[['id', 'note'], [['1', 'a'], ['2', 'b']]],
			[['V1', 'V2'], [['3', '4']]], // V-names without the legacy ResponseID row
			[['Respondent ID', 'Collector ID', 'Q'], [['1', '2', 'x']]], // SurveyMonkey names, but row 2 is data
			[['Respondent ID', 'Q'], [['', 'Response']]], // no Collector ID
			[['a', 'b'], []]
		];
		for (const [names, next] of cases) expect(platformHeader(names, next), names.join()).toBeNull();
	});

	it('names SurveyMonkey questions in order, continuation columns with their sub-header', () => {
		const plan = platformHeader(
			['Respondent ID', 'Collector ID', 'Pick fruits', '', 'Age?', 'Why?'],
			[['', '', 'Apple', 'Pear', 'Response', 'Open-Ended Response']]
		)!;
		expect(plan.names).toEqual(['Respondent ID', 'Collector ID', 'Q1_1', 'Q1_2', 'Q2', 'Q3']);
		expect(plan.labels).toEqual([null, null, 'Pick fruits - Apple', 'Pick fruits - Pear', 'Age?', 'Why?']);
	});
});
