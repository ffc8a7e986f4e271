export {
	scoreRespondents,
	verdictOf,
	DEFAULT_WEIGHTS,
	type RespondentScore,
	type Reason,
	type Verdict,
	type ScoringOptions
} from './score';
export { whatIf, type WhatIfRow } from './what-if';
