import type * as Y from 'yjs';
import type { SieveConfig } from '../engine/api';
import { canonicalize } from '../audit/canonical-json';
import { configOf } from './doc';

/** Transaction origin of this client's config writes, so its own observer can skip them. */
export const CONFIG_ORIGIN = 'sieve-config';

const plain = (v: unknown) => JSON.parse(JSON.stringify(v ?? null)) as unknown;
const same = (a: unknown, b: unknown) => canonicalize(plain(a)) === canonicalize(plain(b));

/** Whether two CONFIGs say the same, whatever their key order; no CONFIG equals an empty one. */
export const sameConfig = (a: SieveConfig | null | undefined, b: SieveConfig | null | undefined) => same(a ?? {}, b ?? {});

/** The CONFIG the doc holds, or null when nobody has put one there yet. */
export function readConfig(doc: Y.Doc): SieveConfig | null {
	const map = configOf(doc);
	if (map.size === 0) return null;
	return Object.fromEntries(map.entries()) as SieveConfig;
}

/**
 * Puts `config` in the doc, touching only the top-level fields that differ: two collaborators
 * who change different fields (say rules and thresholds) both keep their change; the same field
 * changed twice keeps one of the two (last writer wins).
 */
export function writeConfig(doc: Y.Doc, config: SieveConfig): boolean {
	const map = configOf(doc);
	const next = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
	const changed = [...map.keys()].some((k) => !(k in next)) || Object.entries(next).some(([k, v]) => !same(map.get(k), v));
	if (!changed) return false;
	doc.transact(() => {
		for (const k of [...map.keys()]) if (!(k in next)) map.delete(k);
		for (const [k, v] of Object.entries(next)) if (!same(map.get(k), v)) map.set(k, v);
	}, CONFIG_ORIGIN);
	return true;
}

/** Calls `onChange` with the doc's CONFIG whenever someone else changes it (a collaborator, or another tab's replica). */
export function observeConfig(doc: Y.Doc, onChange: (config: SieveConfig) => void): () => void {
	const map = configOf(doc);
	const handler = (_e: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
		if (tr.origin === CONFIG_ORIGIN) return;
		onChange(readConfig(doc) ?? {});
	};
	map.observe(handler);
	return () => map.unobserve(handler);
}
