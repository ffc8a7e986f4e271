/**
 * What the review table needs from check results. The check engine's API (`runChecks`, findings
 * with score/verdict per respondent) is not in engine/api.ts yet: `NO_FINDINGS` keeps the score,
 * verdict and flags columns empty until an implementation backed by it is passed in.
 */
export type Verdict = 'keep' | 'review' | 'remove';

export interface RespondentQuality {
	score: number;
	verdict: Verdict;
	/** Check ids that flagged the respondent. */
	flags: string[];
}

export interface FindingsSource {
	readonly available: boolean;
	/** Quality of the respondent at this 1-based row, if the checks have run. */
	quality(row: number): RespondentQuality | undefined;
	/** Rows (1-based, ascending) with this verdict. */
	rowsWithVerdict(verdict: Verdict): number[];
}

export const NO_FINDINGS: FindingsSource = {
	available: false,
	quality: () => undefined,
	rowsWithVerdict: () => []
};
