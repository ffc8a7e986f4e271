import { readFileSync } from 'node:fs';
import { createProject, expect, FIXTURES, gridRows, importFile, test } from './fixtures';
import { downloadRecipe, exportAs, readColumn } from './respondent-id-files';

const { rows, excludeRow } = JSON.parse(readFileSync(`${FIXTURES}e2e/ids.json`, 'utf8')).noId as { rows: number; excludeRow: number };

test('a file without an id gets sieve_id in file order: excluding row 5 removes sieve_id 5, and the export keeps the column', async ({
	page
}) => {
	await createProject(page, 'No id');
	await importFile(page, `${FIXTURES}e2e/no-id.csv`);
	await expect(page.getByTestId('file-summary')).toContainText(`${rows} rows`);
	await expect(page.getByRole('columnheader', { name: 'sieve_id' })).toBeVisible();
	await expect
		.poll(async () => (await gridRows(page)).slice(0, 6).map((r) => r.slice(0, 2)))
		.toEqual([1, 2, 3, 4, 5, 6].map((n) => [String(n), String(n)]));
	await page.getByText(/warnings? while reading/).click();
	await expect(page.getByText('No respondent id variable found: Sieve added sieve_id (file order) to name respondents')).toBeVisible();
	await page.getByRole('columnheader', { name: 'sieve_id' }).click();
	await expect(page.getByTestId('variable-panel')).toContainText('Respondent id added by Sieve (file order)');

	await page.getByRole('link', { name: 'Review' }).click();
	const table = page.getByTestId('review-table');
	await expect(table.getByRole('columnheader', { name: 'sieve_id' })).toBeVisible();
	const row = table.locator(`[data-testid=review-row][data-row="${excludeRow}"]`);
	await expect(row.locator('.id')).toHaveText(String(excludeRow));
	await row.click();
	const detail = page.getByTestId('respondent-detail');
	await expect(detail.getByTestId('detail-id')).toHaveText(String(excludeRow));
	await detail.getByTestId('exclude').click();
	await page.getByTestId('decision-reason').fill('test interview');
	await page.getByTestId('decision-submit').click();
	await expect(detail.getByTestId('detail-decisions')).toContainText('exclude');

	await page.getByRole('link', { name: 'Export' }).click();
	const recipe = await downloadRecipe(page);
	expect(recipe.steps).toMatchObject([{ action: 'exclude', respondent: excludeRow }]);
	const { file } = await exportAs(page, 'csv', 1);
	const { header, values } = await readColumn(file, 'csv', 'sieve_id');
	expect(header[0]).toBe('sieve_id');
	expect(values.map(Number)).toEqual(Array.from({ length: rows }, (_, i) => i + 1).filter((n) => n !== excludeRow));
});
