import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { importFile, type ImportResult } from '../lib/engine/import';
import type { SqlDb } from '../lib/engine/sql/db';
import { assignRespondentId } from '../lib/engine/dataset/id';
import { loadParquetNode } from '../lib/io/parquet-node';
import { openEngine, type Engine } from './engine';

/**
 * Imports a file from disk into a fresh in-process DuckDB (native unless `engine` says wasm), with progress on stderr. `respondentId`
 * gives it the Dataset's respondent id as the app's import does (the detected one or an added
 * `sieve_id`); `inspect` leaves it out, to show the file as it is.
 */
export async function loadFile(
	file: string,
	opts: { encoding?: string; respondentId?: boolean; engine?: Engine } = {}
): Promise<{ db: SqlDb; result: ImportResult }> {
	const name = path.basename(file);
	try {
		await stat(file);
	} catch {
		throw new Error(`${file}: no such file`);
	}
	const db = await openEngine(opts.engine ?? 'native');
	const tty = process.stderr.isTTY;
	const result = await importFile(
		{ db, parquet: loadParquetNode },
		await openAsBlob(file),
		{ name, path: file, encoding: opts.encoding },
		(p) => {
			if (tty) process.stderr.write(`\r${name}: ${p.phase} ${p.rows.toLocaleString()} rows`);
		}
	);
	if (tty) process.stderr.write('\n');
	if (opts.respondentId) return { db, result: { ...result, dictionary: await assignRespondentId(db, result.dictionary) } };
	return { db, result };
}
