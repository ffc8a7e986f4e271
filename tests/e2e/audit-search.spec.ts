import { createProject, expect, FIXTURES, importFile, test } from './fixtures';

test('the audit search answers a question in words, shows the matching fields, and opens the event with its category', async ({ page }) => {
	await createProject(page, 'Searched');
	await importFile(page, `${FIXTURES}import/utf8.csv`);
	await page.getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByTestId('verify-result')).toContainText('Intact: 1 chain');

	await page.getByTestId('audit-search-input').fill('who imported utf8.csv today');
	const results = page.getByTestId('audit-search');
	await expect(page.getByTestId('audit-search-understood')).toContainText('Looking for imported · utf8 · csv');
	await expect(page.getByTestId('audit-search-understood')).toContainText('today');
	await expect(page.getByTestId('audit-search-understood')).toContainText('1 event match every part');
	await expect(page.getByTestId('audit-timeline')).toHaveCount(0);
	const hit = results.locator('li').first();
	await expect(hit.locator('dt')).toHaveText(['type', 'format', 'file']);
	await expect(hit.locator('mark')).toHaveText(['import', 'csv', 'utf8.csv']);

	await hit.getByRole('button', { name: 'import' }).click();
	await expect(page.getByTestId('audit-category')).toContainText('data-change (by rule)');
	await page.keyboard.press('Escape');
	await page.getByTestId('audit-search-input').fill('');
	await expect(page.getByTestId('audit-timeline')).toBeVisible();
});
