import { readFileSync } from 'node:fs';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';
import { downloadRecipe, excludeById, exportAs, readColumn, type Format } from './respondent-id-files';

const truth = JSON.parse(readFileSync(`${FIXTURES}e2e/ids.json`, 'utf8')).qualtrics as {
	responseIds: string[];
	excludeRows: number[];
	caseTwinRow: number;
};
const excluded = truth.excludeRows.map((r) => truth.responseIds[r - 1]);
const kept = truth.responseIds.filter((id) => !excluded.includes(id));

// every row in view, so a respondent is found by its id without scrolling the virtual table
test.use({ viewport: { width: 1400, height: 2400 } });

test('Qualtrics export: respondents excluded by ResponseId are exactly the ones missing from every export format and named by ResponseId in the recipe', async ({
	page
}) => {
	// the case twin makes an id match that ignores letter case visible: it is kept, its twin excluded
	expect(truth.responseIds[truth.caseTwinRow - 1].toLowerCase()).toBe(excluded[1].toLowerCase());
	await createProject(page, 'Qualtrics ids');
	await importFile(page, `${FIXTURES}e2e/qualtrics-ids.csv`);
	await expect(page.getByTestId('file-summary')).toContainText('60 rows');

	await page.getByRole('link', { name: 'Review' }).click();
	const table = page.getByTestId('review-table');
	await expect(table).toHaveAttribute('data-count', '60');
	await expect(table.getByRole('columnheader', { name: 'ResponseId' })).toBeVisible();
	for (const id of excluded) await excludeById(page, id, `straightliner ${id}`);
	await page.getByTestId('filter-decision').selectOption('excluded');
	await expect(table).toHaveAttribute('data-count', '3');
	await expect(page.getByTestId('review-row').locator('.id')).toHaveText(truth.excludeRows.map((r) => truth.responseIds[r - 1]));

	await page.getByRole('link', { name: 'Export' }).click();
	await expect(page.getByText('all review decisions not sent back (3)')).toBeVisible();
	const recipe = await downloadRecipe(page);
	expect(recipe.steps.map((s) => [s.action, s.respondent, s.reason])).toEqual(excluded.map((id) => ['exclude', id, `straightliner ${id}`]));

	for (const format of ['csv', 'xlsx', 'parquet', 'sav'] as Format[]) {
		const { file, name } = await exportAs(page, format, 3);
		expect(name).toBe(`qualtrics-ids-cleaned.${format}`);
		const { values } = await readColumn(file, format, 'ResponseId');
		expect(values, format).toEqual(kept);
	}
});
