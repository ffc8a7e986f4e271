import { restorePlaceholders } from '../text/pii/redact';

// `[ADDRESS_123]` is the longest placeholder worth waiting for.
const LONGEST = 16;

/**
 * Restores placeholders in a streamed answer whose pieces may cut a placeholder in two: the tail
 * that could still become one is held back until the next piece or `end`.
 */
export function createStreamRestorer(map: ReadonlyMap<string, string>) {
	let held = '';
	return {
		/** Text safe to show now. */
		push(piece: string): string {
			const text = held + piece;
			const open = text.lastIndexOf('[');
			const cut = open >= 0 && !text.includes(']', open) && text.length - open < LONGEST ? open : text.length;
			held = text.slice(cut);
			return restorePlaceholders(text.slice(0, cut), map);
		},
		/** Whatever was held back. */
		end(): string {
			const rest = restorePlaceholders(held, map);
			held = '';
			return rest;
		}
	};
}
