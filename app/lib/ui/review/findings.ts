/**
 * What the review table needs from check results: EngineFindings reads them from the engine,
 * NO_FINDINGS stands in before the first check run (and in tests).
 */
export type Verdict = 'keep' | 'review' | 'remove';

export interface RespondentQuality {
	score: number;
	verdict: Verdict;
	/** Check ids that flagged the respondent. */
	flags: string[];
	/** What each check found, for the detail view. */
	reasons?: { check: string; severity: string; message: string }[];
}

export interface FindingsSource {
	readonly available: boolean;
	/** Quality of the respondent at this 1-based row, if the checks have run. */
	quality(row: number): RespondentQuality | undefined;
	/** Rows (1-based, ascending) with this verdict. */
	rowsWithVerdict(verdict: Verdict): number[];
	/** The bot check's probability that the respondent is a random responder; undefined when it did not flag them. */
	botProbability?(row: number): number | undefined;
}

export const NO_FINDINGS: FindingsSource = {
	available: false,
	quality: () => undefined,
	rowsWithVerdict: () => []
};
