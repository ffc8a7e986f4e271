import type * as Y from 'yjs';
import type { PromptVersionRecord } from './types';

/** Top-level Y.Map of the project doc holding prompt versions by id (immutable values). */
export const PROMPTS_MAP = 'prompts';

/** Every prompt version in the project doc. */
export function readDocPrompts(doc: Y.Doc): PromptVersionRecord[] {
	return [...doc.getMap<PromptVersionRecord>(PROMPTS_MAP).values()];
}

/** Calls `onChange` when another replica adds versions; returns the unsubscribe. */
export function watchDocPrompts(doc: Y.Doc, onChange: () => void): () => void {
	const map = doc.getMap<PromptVersionRecord>(PROMPTS_MAP);
	const listener = (_: unknown, tx: Y.Transaction) => {
		if (!tx.local) onChange();
	};
	map.observe(listener);
	return () => map.unobserve(listener);
}

/**
 * Adds versions the doc lacks; existing ids are left alone, so concurrent writers only ever add
 * and every replica converges on the union.
 */
export function publishPrompts(doc: Y.Doc, records: readonly PromptVersionRecord[], origin: unknown = 'prompts'): number {
	const map = doc.getMap<PromptVersionRecord>(PROMPTS_MAP);
	const fresh = records.filter((r) => !map.has(r.id));
	if (fresh.length) doc.transact(() => fresh.forEach((r) => map.set(r.id, r)), origin);
	return fresh.length;
}
