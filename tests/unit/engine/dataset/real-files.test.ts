import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { createEngine } from '../../../../app/lib/engine/engine';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';

// The engine path a user takes (import, Dataset, every check) on real surveys without a usable id:
// sieve_id names the respondents, and nothing id-like pushes them into review. anes96's PID is
// party identification on a 7-point scale, not an id; fair has no id at all.
const FILES = [
	['real/anes96.csv', 944, 'sieve_id'],
	['real/fair.csv', 6366, 'sieve_id'],
	['sav/pspp_llz.zsav', 4670, 'sieve_id'],
	['sav/srw_employee_data.sav', 474, 'id']
] as const;

describe('real files through the engine', () => {
	it.each(FILES)('%s: %i respondents named by %s, at most 1 percent sent to review by duplicates', async (file, rows, id) => {
		const db = await openNodeDb();
		try {
			const engine = createEngine({ db, parquet: loadParquetNode });
			const path = new URL(`../../../fixtures/${file}`, import.meta.url);
			const imported = await engine.importFile(new Blob([readFileSync(path)]), { name: file.split('/')[1] });
			expect(imported.rows).toBe(rows);
			const ds = await engine.dataset();
			expect(ds.idVariable).toBe(id);
			expect(ds.roles.idLike).toBeNull();
			const summary = await engine.runChecks({});
			const duplicates = summary.outcomes.find((o) => o.id === 'duplicates')!;
			expect(duplicates.flagged / rows).toBeLessThanOrEqual(0.01);
			expect(summary.verdicts.keep / rows).toBeGreaterThanOrEqual(0.99);
		} finally {
			await db.close();
		}
	});
});
