import type { DecisionAction } from '$lib/collab/types';

export interface Draft {
	action: DecisionAction;
	reason: string;
	value: string;
}

/**
 * Reasons typed but not yet recorded, per respondent row, action and variable: moving to another
 * respondent (j/k, arrows, a click) keeps them, and coming back reopens the form with the text.
 * Only Record or an explicit Cancel/Escape ends a draft.
 */
export class ReviewDrafts {
	#drafts = new Map<string, Draft>();

	static key(row: number, action: DecisionAction, variable?: string | null): string {
		return JSON.stringify([row, action, variable ?? null]);
	}

	get(row: number, action: DecisionAction, variable?: string | null): Draft | undefined {
		return this.#drafts.get(ReviewDrafts.key(row, action, variable));
	}

	/** Keeps the text; blank text (reason and value) ends the draft. */
	set(row: number, action: DecisionAction, variable: string | null | undefined, reason: string, value: string): void {
		const key = ReviewDrafts.key(row, action, variable);
		this.#drafts.delete(key);
		if (reason.trim() || value.trim()) this.#drafts.set(key, { action, reason, value });
	}

	drop(row: number, action: DecisionAction, variable?: string | null): void {
		this.#drafts.delete(ReviewDrafts.key(row, action, variable));
	}

	/** The respondent-level form (exclude or keep) to reopen on this row: the one last typed in. */
	openOn(row: number): 'exclude' | 'keep' | null {
		let last: 'exclude' | 'keep' | null = null;
		for (const [key, d] of this.#drafts)
			if ((d.action === 'exclude' || d.action === 'keep') && key === ReviewDrafts.key(row, d.action)) last = d.action;
		return last;
	}
}
