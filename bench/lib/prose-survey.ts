import { generateDemo, type Demo } from '../../app/lib/demo';
import { PLANTED_KINDS } from '../../app/lib/demo/kinds';
import { openNodeDb } from '../../app/lib/engine/duckdb/node';
import type { SqlDb } from '../../app/lib/engine/sql/db';
import { batchToIPC } from '../../app/lib/io/arrow-ipc';

/** A generated survey with mostly unique prose open ends in nine languages and nothing planted, as `data` in native DuckDB. */
export async function proseSurvey(rows: number): Promise<{ demo: Demo; db: SqlDb }> {
	const demo = generateDemo({ rows, seed: 5, openEnds: 'prose', rates: Object.fromEntries(PLANTED_KINDS.map((k) => [k, 0])) });
	const db = await openNodeDb();
	let first = 1;
	for (const b of demo.batches()) {
		await db.insertArrowIPC('data', batchToIPC(demo.dictionary, b, first), first === 1);
		first += b.length;
	}
	return { demo, db };
}
