import type { EventType } from '../events';

export const CATEGORIES = ['data-change', 'configuration', 'access', 'export', 'collaboration'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The category of each event type this version writes; unknown types are left to the model. */
export const CATEGORY_RULES: Record<EventType, Category> = {
	import: 'data-change',
	'check-run': 'data-change',
	'check-results': 'data-change',
	decision: 'data-change',
	'decision-undo': 'data-change',
	'decision-redo': 'data-change',
	'rule-change': 'configuration',
	'setting-change': 'configuration',
	project: 'configuration',
	'chain-start': 'access',
	'audit-view': 'access',
	witness: 'access',
	export: 'export',
	comment: 'collaboration',
	assignment: 'collaboration',
	approval: 'collaboration',
	'anomaly-feedback': 'collaboration',
	// retention: older events moved to a verifiable archive
	archive: 'configuration',
	'prompt-change': 'configuration',
	// redacted text leaves the device for the LLM: closest to an export
	'llm-call': 'export'
};
