import type { DecisionAction } from '../engine/recipe/types';

export type { DecisionAction } from '../engine/recipe/types';

/** The value of the respondent id variable (or the 1-based row number when the file has none). */
export type RespondentKey = string | number;
export type DocValue = string | number | null;

/** What a decision is about: a respondent, a cell (respondent + variable), a variable, or categories of one. */
export interface DecisionTarget {
	respondent?: RespondentKey;
	/** 1-based position in the file (the same file everywhere: SHA-256 checked); a locator, not the key. */
	row?: number;
	variable?: string;
	/** The category codes a set-missing, recode or merge applies to. */
	category?: DocValue[];
}

export type DecisionStatus = 'proposed' | 'approved' | 'sent-back';

/** One decision as the project doc holds it: ids and codes only, never respondent answers. */
export interface Decision {
	id: string;
	target: DecisionTarget;
	action: DecisionAction;
	/** New value of an edit-value. */
	value?: DocValue;
	/** Codes a recode or merge maps from (defaults to `target.category`). */
	from?: DocValue[];
	/** Code a recode or merge maps to. */
	to?: DocValue;
	reason: string;
	author: string;
	/** ISO-8601. */
	time: string;
	status: DecisionStatus;
	approver?: string;
	/** Why an approver sent it back. */
	note?: string;
	/** Made by a bulk action on a filtered view, not on this respondent alone (absent: an individual decision). */
	bulk?: true;
}

export type DecisionInput = Pick<Decision, 'target' | 'action' | 'value' | 'from' | 'to' | 'reason' | 'bulk'>;

/** What a comment is attached to: a finding (check + respondent [+ variable]) or a respondent. */
export interface CommentTarget {
	respondent?: RespondentKey;
	/** 1-based position in the file, as in DecisionTarget. */
	row?: number;
	check?: string;
	variable?: string;
}

export interface Comment {
	id: string;
	target: CommentTarget;
	text: string;
	/** Names @mentioned in the text. */
	mentions: string[];
	author: string;
	time: string;
}

/** "Review respondents 1–500": rows `from`..`to` (1-based, file order) go to `reviewer`. */
export interface Assignment {
	id: string;
	from: number;
	to: number;
	reviewer: string;
	by: string;
	time: string;
}

export type ReviewState = 'open' | 'in-review' | 'done' | 'needs-discussion';

export interface ReviewStatus {
	state: ReviewState;
	/** 1-based row of the respondent, as in DecisionTarget. */
	row?: number;
	by: string;
	time: string;
}

/** Who does an operation and when; injected so operations stay pure. */
export interface Actor {
	name: string;
	now?: () => Date;
	newId?: () => string;
}
