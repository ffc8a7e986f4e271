import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { StoredLogEntry } from '../protocol/logs';

/**
 * Writes expired entries to `<dir>/logs-<first time>-<last time>.jsonl.gz`, one JSON entry a line;
 * it throws rather than lose entries, so the caller's delete is rolled back.
 */
export function archiveEntries(dir: string, rows: StoredLogEntry[]): string | null {
	if (!rows.length) return null;
	mkdirSync(dir, { recursive: true });
	const stamp = (iso: string) => iso.replace(/[:.]/g, '-');
	const file = path.join(dir, `logs-${stamp(rows[0]!.time)}-${stamp(rows.at(-1)!.time)}-${rows[0]!.id}.jsonl.gz`);
	writeFileSync(file, gzipSync(rows.map((r) => JSON.stringify(r)).join('\n') + '\n'), { flag: 'wx' });
	return file;
}
