import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../app/lib/demo/rng';
import anomaly from '../../../../app/lib/engine/checks/anomaly';
import { bfi, loadAnswers } from '../bot/answers-table';
import { openNodeDb, runOne } from './helpers';

describe('anomaly', () => {
	it('flags respondents with an unusual combination of answers and names the variables that set them apart, and few others', async () => {
		const r = createRng(8);
		const names = ['age', 'income', 'hours', 'children', 'commute', 'rating'];
		const rows = Array.from({ length: 800 }, () => {
			const age = 25 + 40 * r.next();
			return [
				Math.round(age),
				Math.round(20000 + 800 * age + 8000 * r.normal()),
				Math.round(38 + 4 * r.normal()),
				r.int(0, 3),
				Math.round(30 + 10 * r.normal()),
				r.int(1, 5)
			];
		});
		rows[99] = [26, 95000, 70, 3, 95, 1];
		rows[399] = [19, 150000, 95, 2, 31, 4];
		const db = await openNodeDb();
		const dict = await loadAnswers(db, names, rows);
		const findings = await runOne(db, dict, anomaly);
		await db.close();
		const byRow = new Map(findings.map((f) => [f.row, f]));
		expect(byRow.get(100)!.message).toMatch(
			/^unusual respondent \(isolation score 0\.\d+\), mostly for hours = 70 \(\+6\.9 SD\), commute = 95 \(\+6\.4 SD\), /
		);
		const why = (byRow.get(400)!.evidence.variables as { variable: string }[]).map((v) => v.variable);
		expect(why).toContain('hours');
		expect(why).toContain('income');
		expect(findings.length).toBeLessThanOrEqual(2 + 0.02 * 800);
	});

	it('flags about 1 % of the real bfi respondents', async () => {
		const { names, rows } = bfi();
		const db = await openNodeDb();
		const dict = await loadAnswers(db, names, rows);
		const findings = await runOne(db, dict, anomaly);
		await db.close();
		expect(findings.length / rows.length).toBeLessThan(0.02);
		expect(findings.every((f) => (f.evidence.variables as unknown[]).length === 3)).toBe(true);
	});
});
