import { stem, words } from './tokens';

/**
 * The domain's vocabulary: words and phrases a researcher uses for the same action, reason or
 * object, each mapped to one concept (written `#concept`). Events and queries both pass through
 * it, so "dropped speeders" finds a decision `exclude` with reason "too fast".
 */
const LEXICON: Record<string, string[]> = {
	exclude: [
		'exclude',
		'exclusion',
		'remove',
		'removal',
		'drop',
		'discard',
		'threw',
		'throw',
		'kick',
		'eliminate',
		'excluir',
		'ausschliessen'
	],
	keep: ['keep', 'kept', 'retain', 'accept'],
	missing: ['set-missing', 'missing', 'blank', 'blanked', 'clear', 'null'],
	edit: ['edit-value', 'edit', 'correct', 'correction', 'typo', 'fix'],
	recode: ['recode', 'merge-categories', 'merge', 'categories'],
	undo: ['undo', 'undid', 'undone', 'revert', 'reversal', 'reverse', 'rollback', 'withdraw', 'withdrew', 'decision-undo', 'take back'],
	redo: ['redo', 'redid', 'decision-redo', 'reapply'],
	decision: ['decision', 'decide', 'decided', 'verdict'],
	export: ['export', 'download', 'save', 'saved', 'extract', 'share'],
	import: ['import', 'upload', 'load', 'loaded', 'opened file', 'wave'],
	check: ['check-run', 'check-results', 'ran checks', 'run checks', 'rerun'],
	rule: ['rule', 'rule-change', 'condition'],
	setting: ['setting', 'setting-change', 'config', 'configuration', 'option', 'threshold', 'parameter'],
	comment: ['comment', 'note', 'remark', 'discussion', 'wrote', 'mention'],
	assignment: ['assignment', 'assign', 'assigned', 'delegate'],
	approval: ['approval', 'approve', 'approved', 'reject', 'rejected', 'sign off', 'signed off', 'propose', 'proposed'],
	view: ['audit-view', 'view', 'viewed', 'look', 'looked', 'opened audit', 'verify', 'verified'],
	speeder: ['speeder', 'speeding', 'speed', 'fast', 'quick', 'quickly', 'rushed', 'rush', 'speeders', 'too fast', 'duration'],
	straightliner: [
		'straightliner',
		'straightlining',
		'straight-lining',
		'straight lining',
		'straight-liner',
		'flatline',
		'flatlined',
		'same answer',
		'straightlining'
	],
	duplicate: ['duplicate', 'duplicates', 'dup', 'repeat', 'twice', 'copy', 'same ip'],
	attention: ['attention', 'trap', 'instructed'],
	bot: ['bot', 'bots', 'automated', 'fraud', 'fake', 'robot'],
	nonsense: ['nonsense', 'gibberish', 'off-topic', 'sin sentido', 'copy-pasted', 'open ends', 'open end'],
	inconsistent: ['inconsistent', 'inconsistency', 'contradict', 'contradicts', 'impossible'],
	identifying: ['identifying', 'pii', 'personal', 'email', 'ip', 'names', 'gdpr', 'privacy'],
	spss: ['sav', 'spss', 'zsav'],
	excel: ['xlsx', 'excel', 'spreadsheet'],
	pdf: ['pdf', 'audit-pdf']
};

const SINGLE = new Map<string, string>();
const PHRASES = new Map<string, string>();
for (const [concept, list] of Object.entries(LEXICON)) {
	for (const entry of list) {
		const parts = words(entry).map(stem);
		if (parts.length === 1) SINGLE.set(parts[0], `#${concept}`);
		else PHRASES.set(parts.join(' '), `#${concept}`);
		// A hyphenated type or action ("set-missing") is also one word in the vocabulary.
		if (entry.includes('-')) SINGLE.set(entry, `#${concept}`);
	}
}

/** A concept named by the words from `start` (inclusive) to `end` (exclusive). */
export type ConceptSpan = { start: number; end: number; concept: string };

/** The concepts a run of stemmed words names: single words, and two- or three-word phrases. */
export function conceptSpans(stems: readonly string[]): ConceptSpan[] {
	const out: ConceptSpan[] = [];
	stems.forEach((s, i) => {
		const single = SINGLE.get(s);
		if (single) out.push({ start: i, end: i + 1, concept: single });
		for (const n of [2, 3]) {
			const phrase = i + n <= stems.length ? PHRASES.get(stems.slice(i, i + n).join(' ')) : undefined;
			if (phrase) out.push({ start: i, end: i + n, concept: phrase });
		}
	});
	return out;
}

export function conceptOfWord(word: string): string | undefined {
	return SINGLE.get(word) ?? SINGLE.get(stem(word));
}
