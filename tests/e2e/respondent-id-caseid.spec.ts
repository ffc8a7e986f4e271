import { readFileSync } from 'node:fs';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';
import { downloadRecipe, exportAs, readColumn, type Format } from './respondent-id-files';

const { caseIds, excludeRow } = JSON.parse(readFileSync(`${FIXTURES}e2e/ids.json`, 'utf8')).caseid as {
	caseIds: number[];
	excludeRow: number;
};
const excludedId = caseIds[excludeRow - 1];

test('a shuffled numeric CaseID: excluding the respondent in row 6 removes its CaseID from the exports, not CaseID 6', async ({ page }) => {
	// the fixture is only a test of row-vs-id keying if row 6's CaseID is not 6
	expect(excludedId).not.toBe(excludeRow);
	await createProject(page, 'CaseID');
	await importFile(page, `${FIXTURES}e2e/caseid-shuffled.csv`);
	await expect(page.getByTestId('file-summary')).toContainText('300 rows');

	await page.getByRole('link', { name: 'Review' }).click();
	const table = page.getByTestId('review-table');
	await expect(table).toHaveAttribute('data-count', '300');
	await expect(table.getByRole('columnheader', { name: 'CaseID' })).toBeVisible();
	const row = table.locator(`[data-testid=review-row][data-row="${excludeRow}"]`);
	await expect(row.locator('.id')).toHaveText(String(excludedId));
	await row.click();
	const detail = page.getByTestId('respondent-detail');
	await expect(detail.getByTestId('detail-id')).toHaveText(String(excludedId));
	await detail.getByTestId('exclude').click();
	await page.getByTestId('decision-reason').fill('duplicate interview');
	await page.getByTestId('decision-submit').click();
	await expect(detail.getByTestId('detail-decisions')).toContainText('exclude');

	await page.getByRole('link', { name: 'Export' }).click();
	await expect(page.getByText('all review decisions not sent back (1)')).toBeVisible();
	const recipe = await downloadRecipe(page);
	expect(recipe.steps).toMatchObject([{ action: 'exclude', respondent: excludedId, reason: 'duplicate interview' }]);

	const want = caseIds.filter((c) => c !== excludedId);
	for (const format of ['csv', 'xlsx', 'parquet', 'sav'] as Format[]) {
		const { file } = await exportAs(page, format, 1);
		const { values } = await readColumn(file, format, 'CaseID');
		const got = values.map(Number);
		expect(got, format).not.toContain(excludedId);
		expect(got, format).toContain(excludeRow);
		expect(got, format).toEqual(want);
	}
});
