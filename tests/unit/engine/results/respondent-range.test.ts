import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { createEngine } from '../../../../app/lib/engine/engine';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';

describe('respondentRange', () => {
	it('is null before a check run, then returns the scored rows of a row range, in row order', async () => {
		const db = await openNodeDb();
		const engine = createEngine({ db, parquet: loadParquetNode });
		await engine.importDemo({ rows: 400, seed: 5 });
		expect(await engine.respondentRange(1, 100)).toBeNull();

		await engine.runChecks({});
		const all = await engine.respondents({ offset: 0, limit: 1000, order: 'row' });
		const range = (await engine.respondentRange(101, 200))!;
		expect(range).toEqual(all.rows.filter((r) => r.row >= 101 && r.row <= 200));
		expect(range.length).toBeGreaterThan(0);
		expect((await engine.respondentRange(1, 5000))!.length).toBe(all.rows.filter((r) => r.row <= 1000).length);
		expect(await engine.respondentRange(401, 500)).toEqual([]);
		await db.close();
	});
});
