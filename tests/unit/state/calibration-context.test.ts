import { describe, expect, it } from 'vitest';
import type { DatasetInfo, EngineApi, PageRequest } from '../../../app/lib/engine/api';
import { calibrationContext } from '../../../app/lib/state/calibration-context';

/** A fake engine at the worker seam: 45,000 rows (three pages), string ids, interviewer codes with blanks. */
function fakeEngine(interviewer: string | null): Pick<EngineApi, 'dataset' | 'listChecks' | 'flaggedRows' | 'page'> {
	const rows = 45_000;
	const flagged: Record<string, number[]> = { speeders: [1, 2, 44_999], straightlining: [2, 30_001] };
	const value = (row: number, column: string) => (column === 'rid' ? `R-${row}` : row % 10 === 0 ? ' ' : `INT${row % 3}`);
	return {
		dataset: async () => ({ idVariable: 'rid', rows, roles: { interviewer } }) as unknown as DatasetInfo,
		listChecks: async () => [{ id: 'speeders' }, { id: 'straightlining' }, { id: 'duplicates' }] as never,
		flaggedRows: async (q) => flagged[q.check ?? ''] ?? [],
		page: async ({ offset, limit, columns }: PageRequest) => ({
			offset,
			rows: Array.from({ length: Math.min(limit, rows - offset) }, (_, i) => [
				offset + i + 1,
				...columns.map((c) => value(offset + i + 1, c))
			])
		})
	};
}

describe('calibrationContext', () => {
	it('maps each respondent id to the checks that flagged its row and its interviewer, across pages', async () => {
		const found = (await calibrationContext(fakeEngine('intnr')))!;
		expect(found.interviewer).toBe('intnr');
		expect(found.context.size).toBe(45_000);
		expect(found.context.get('R-2')).toEqual({ checks: ['speeders', 'straightlining'], group: 'INT2' });
		expect(found.context.get('R-30001')).toEqual({ checks: ['straightlining'], group: 'INT1' });
		expect(found.context.get('R-44999')).toEqual({ checks: ['speeders'], group: 'INT2' });
		expect(found.context.get('R-10')).toEqual({ checks: [], group: null });
	});

	it('leaves groups empty without an interviewer variable', async () => {
		const found = (await calibrationContext(fakeEngine(null)))!;
		expect(found.context.get('R-1')).toEqual({ checks: ['speeders'], group: null });
	});
});
