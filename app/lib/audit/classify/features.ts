import type { AuditEvent, JsonValue } from '../events';
import { stem, words } from '../search/tokens';

const MAX_WORDS = 12;

/**
 * What the category model reads: the type and its words, payload keys, and the words of short
 * string values (never respondent ids or long lists). `withType: false` hides the type, which is
 * how the model learns to place event types it was never shown.
 */
export function eventTokens(e: Pick<AuditEvent, 'type' | 'payload'>, withType = true): string[] {
	const out = new Set<string>();
	if (withType) {
		out.add(`type:${e.type}`);
		for (const w of words(e.type)) out.add(`tw:${stem(w)}`);
	}
	for (const [key, value] of Object.entries(e.payload)) {
		if (value === undefined || key === 'respondents' || key === 'respondent') continue;
		out.add(`key:${key}`);
		for (const w of valueWords(value)) out.add(`w:${w}`);
	}
	return [...out];
}

function valueWords(value: JsonValue): string[] {
	if (typeof value === 'string' && value.length <= 80)
		return words(value)
			.slice(0, MAX_WORDS)
			.filter((w) => !/\d/.test(w))
			.map(stem);
	if (typeof value === 'boolean') return [String(value)];
	return [];
}
