export type ReviewCommand = 'next' | 'prev' | 'exclude' | 'keep' | 'comment' | 'undo' | 'redo' | 'approve' | 'send-back' | 'help' | 'close';

/**
 * Keyboard shortcuts of the review workspace. `k` moves up (as in j/k), so keep is Shift+K.
 * Typing in a field never triggers one, except Escape. A reason typed but not recorded stays with
 * its respondent when moving on (see drafts.ts); only Escape or Cancel discards it.
 */
export const SHORTCUTS: readonly { keys: string; command: ReviewCommand; what: string }[] = [
	{ keys: 'j / ↓', command: 'next', what: 'next respondent (a reason you typed stays with its respondent)' },
	{ keys: 'k / ↑', command: 'prev', what: 'previous respondent' },
	{ keys: 'x', command: 'exclude', what: 'exclude (asks for a reason)' },
	{ keys: 'Shift+K', command: 'keep', what: 'keep: override the flags (asks for a reason); plain k moves up' },
	{ keys: 'c', command: 'comment', what: 'comment on the respondent' },
	{ keys: 'u / Ctrl+Z', command: 'undo', what: 'undo your last change' },
	{ keys: 'Shift+U / Ctrl+Shift+Z', command: 'redo', what: 'redo' },
	{ keys: 'a', command: 'approve', what: 'approve the respondent’s pending decisions (approvers)' },
	{ keys: 'b', command: 'send-back', what: 'send them back (approvers)' },
	{ keys: '?', command: 'help', what: 'this help' },
	{ keys: 'Esc', command: 'close', what: 'close the form (discarding its reason), help or detail' }
];

export function commandFor(
	e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
	typing: boolean
): ReviewCommand | null {
	if (e.key === 'Escape') return 'close';
	if (typing || e.altKey) return null;
	const mod = e.ctrlKey || e.metaKey;
	if (mod) {
		if (e.key.toLowerCase() === 'z') return e.shiftKey ? 'redo' : 'undo';
		if (e.key.toLowerCase() === 'y') return 'redo';
		return null;
	}
	switch (e.key) {
		case 'j':
		case 'ArrowDown':
			return 'next';
		case 'k':
		case 'ArrowUp':
			return 'prev';
		case 'K':
			return 'keep';
		case 'x':
			return 'exclude';
		case 'c':
			return 'comment';
		case 'u':
			return 'undo';
		case 'U':
			return 'redo';
		case 'a':
			return 'approve';
		case 'b':
			return 'send-back';
		case '?':
			return 'help';
	}
	return null;
}
