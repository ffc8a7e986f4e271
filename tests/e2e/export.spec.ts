import { readFileSync } from 'node:fs';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';

test('replays a recipe file on the data and exports the cleaned CSV, reporting the step that did not apply', async ({ page }) => {
	await createProject(page, 'Export');
	await importFile(page, `${FIXTURES}import/utf8.csv`);
	await expect(page.getByTestId('file-summary')).toContainText('3 rows');
	await page.getByRole('link', { name: 'Export' }).click();
	await page.getByTestId('recipe-input').setInputFiles(`${FIXTURES}recipe/utf8-wave.json`);
	await expect(page.getByText('a recipe file: utf8-wave.json (3 steps)')).toBeVisible();
	await page.getByTestId('export-format').selectOption('csv');
	await page.getByLabel('add sieve_score and sieve_verdict').uncheck();
	await page.getByLabel('byte-order mark (for Excel)').uncheck();
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export', exact: true }).click();
	const file = await downloading;
	expect(file.suggestedFilename()).toBe('utf8-cleaned.csv');
	const text = readFileSync((await file.path())!, 'utf8');
	expect(text).toBe(
		'id,name,score,when,comment\r\n' +
			'1,Anna,3.5,2024-01-02,"said ""hi""\nthen left"\r\n' +
			`3,Ann'; DROP TABLE data; --,n/a,2024-03-04,\r\n`
	);
	const report = page.getByTestId('export-report');
	await expect(report).toContainText('2 steps applied, 1 did not apply');
	await expect(report).toContainText('step 3:');

	await page.getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('button', { name: /Details of export event/ })).toBeVisible();
});
