import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';

describe('openNodeDb', () => {
	it('binds parameters instead of splicing text', async () => {
		const db = await openNodeDb();
		const t = await db.query('SELECT ?::VARCHAR AS s, ?::INTEGER + 1 AS n', ["'); DROP TABLE x; --", 41]);
		const row = t.get(0)!.toJSON();
		expect(row.s).toBe("'); DROP TABLE x; --");
		expect(row.n).toBe(42);
		await db.close();
	});
});
