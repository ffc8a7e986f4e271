import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { STANDARD_CHECKS } from '../../../../app/lib/engine/checks/registry';
import { createEngine } from '../../../../app/lib/engine/engine';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';

const FILE = new URL('../../../fixtures/sav/srw_employee_data.sav', import.meta.url);

describe('info findings on srw_employee_data.sav (474 employees, only info findings)', () => {
	it('are counted per check and in the verdicts, and found by flaggedRows and rowsByCheck', async () => {
		const db = await openNodeDb();
		const engine = createEngine({ db, parquet: loadParquetNode });
		const imported = await engine.importFile(new Blob([readFileSync(FILE)]), { name: 'srw_employee_data.sav' });
		expect(imported.rows).toBe(474);
		// anomaly names 9 unusual employees (a warning); this file is here for the checks that only inform on it
		const only = STANDARD_CHECKS.map((c) => c.id).filter((id) => id !== 'anomaly');
		const summary = await engine.runChecks({ only });

		const outliers = summary.outcomes.find((o) => o.id === 'outliers')!;
		expect(outliers.bySeverity).toEqual({ info: 142, warning: 0, error: 0 });
		expect(outliers.respondents).toEqual({ info: 93, warning: 0, error: 0 });
		expect(outliers.flagged).toBe(0);
		// distribution's findings describe variables, not respondents
		const distribution = summary.outcomes.find((o) => o.id === 'distribution')!;
		expect(distribution.bySeverity.info).toBe(4);
		expect(distribution.respondents).toEqual({ info: 0, warning: 0, error: 0 });
		expect(summary.outcomes.every((o) => o.bySeverity.warning + o.bySeverity.error === 0)).toBe(true);
		expect(summary.verdicts).toEqual({ keep: 474, review: 0, remove: 0 });
		expect(summary.infoOnly).toBe(93);

		const info = await engine.flaggedRows({ severity: 'info' });
		expect(info).toHaveLength(93);
		expect(await engine.flaggedRows({ check: 'outliers', severity: 'info' })).toEqual(info);
		expect(await engine.flaggedRows({ check: 'outliers', severity: 'any' })).toEqual(info);
		// a check alone still means its warnings and errors: none here
		expect(await engine.flaggedRows({ check: 'outliers' })).toEqual([]);
		expect(await engine.flaggedRows({ severity: 'warning' })).toEqual([]);
		expect((await engine.rowsByCheck()).sort((a, b) => a - b)).toEqual(info);
		// the first info respondent's findings are the outliers the counts come from
		const findings = await engine.rowFindings(info[0]);
		expect(findings.length).toBeGreaterThan(0);
		expect(findings.every((f) => f.check === 'outliers' && f.severity === 'info')).toBe(true);
		await db.close();
	});
});
