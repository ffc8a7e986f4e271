import { describe, expect, it } from 'vitest';
import type { RespondentRow, RunSummary } from '../../../app/lib/engine/api';
import { explainFlagsLocally, explainFlagsVariables } from '../../../app/lib/llm/features/explain-flags';
import { summariseReportLocally, summariseReportVariables } from '../../../app/lib/llm/features/summarise-report';

const ROW: RespondentRow = {
	row: 12,
	respondent: 'resp-0012',
	score: 35,
	verdict: 'remove',
	flags: 2,
	checks: ['speeders', 'straightlining'],
	reasons: [
		{ check: 'speeders', severity: 'error', message: 'finished in 190 s, cut-off 312 s' },
		{ check: 'straightlining', severity: 'warning', message: 'grid q5: 12 of 12 answers identical' }
	]
};
const TITLES = new Map([
	['speeders', 'Speeders'],
	['straightlining', 'Straight-lining']
]);
const outcome = (id: string, title: string, flagged: number, extra: object = {}) => ({
	id,
	title,
	version: 1,
	flagged,
	findings: flagged,
	bySeverity: { info: 0, warning: flagged, error: 0 },
	ms: 5,
	skipped: null,
	error: null,
	...extra
});
const SUMMARY: RunSummary = {
	finishedAt: 0,
	rows: 400,
	outcomes: [
		outcome('speeders', 'Speeders', 31),
		outcome('straightlining', 'Straight-lining', 12),
		outcome('pii', 'Personal data', 0, { skipped: 'no open ends' })
	],
	verdicts: { keep: 360, review: 28, remove: 12 },
	scores: [],
	durations: null,
	thresholds: { review: 80, remove: 50 }
};

describe('explain flags', () => {
	it('sends the respondent id and one line per finding', () => {
		expect(explainFlagsVariables(ROW, TITLES)).toEqual({
			respondent: 'resp-0012',
			flags: '- Speeders (error): finished in 190 s, cut-off 312 s\n- Straight-lining (warning): grid q5: 12 of 12 answers identical'
		});
	});
	it('explains locally without an LLM', () => {
		expect(explainFlagsLocally(ROW, TITLES)).toBe(
			'Respondent resp-0012 scores 35 of 100 (remove) with 2 findings:\n- Speeders (error): finished in 190 s, cut-off 312 s\n- Straight-lining (warning): grid q5: 12 of 12 answers identical\nLook at the flagged answers before deciding; one flag alone is rarely a reason to exclude.'
		);
	});
});

describe('summarise the report', () => {
	it('sends counts only', () => {
		expect(summariseReportVariables('wave1.sav', SUMMARY)).toEqual({
			dataset: 'wave1.sav',
			respondents: '400',
			flagged: '40',
			checks: '- Speeders: 31 respondents flagged\n- Straight-lining: 12 respondents flagged\n- Personal data: skipped (no open ends)'
		});
	});
	it('summarises locally without an LLM', () => {
		expect(summariseReportLocally('wave1.sav', SUMMARY)).toBe(
			'wave1.sav: 400 respondents, 40 (10.0 %) to review or remove.\nVerdicts: keep 360, review 28, remove 12.\nMost flags: Speeders 31, Straight-lining 12.\n- Personal data: skipped (no open ends)'
		);
	});
});
