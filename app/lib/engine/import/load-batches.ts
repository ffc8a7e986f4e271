import type { Dictionary } from '../../dataset/dictionary';
import { batchToIPC } from '../../io/arrow-ipc';
import type { ColumnBatch } from '../../io/batch';
import type { SqlDb } from '../sql/db';
import { STAGING_TABLE } from './finish';

/** Appends reader batches to the staging table; returns the number of rows loaded. */
export async function loadBatches(
	db: SqlDb,
	dictionary: Dictionary,
	batches: Iterable<ColumnBatch> | AsyncIterable<ColumnBatch>,
	onBatch?: (rows: number) => void
): Promise<number> {
	await db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
	let rows = 0;
	for await (const batch of batches) {
		if (batch.length === 0) continue;
		await db.insertArrowIPC(STAGING_TABLE, batchToIPC(dictionary, batch, rows + 1), rows === 0);
		rows += batch.length;
		onBatch?.(rows);
	}
	if (rows === 0) {
		const empty = dictionary.variables.map((v) => (v.type === 'string' ? [] : new Float64Array(0)));
		await db.insertArrowIPC(STAGING_TABLE, batchToIPC(dictionary, { length: 0, columns: empty }, 1), true);
	}
	return rows;
}
