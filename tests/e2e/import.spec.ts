import { createProject, expect, FIXTURES, gridRows, importFile, test } from './fixtures';

test('imports a CSV, shows its rows as text, keeps it across a reload, and refuses a ragged file', async ({ page }) => {
	await createProject(page, 'Wave 1');
	await importFile(page, `${FIXTURES}import/utf8.csv`);
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
	await expect
		.poll(() => gridRows(page))
		.toEqual([
			['1', '1', 'Anna', '3.5', '2024-01-02', 'said "hi"\nthen left'],
			['2', '2', 'Zoë', '4', '2024-02-03', '<script>alert(1)</script>'],
			['3', '3', '', 'n/a', '2024-03-04', '']
		]);
	// the markup stayed text: no element was created from it
	expect(await page.locator('.window script').count()).toBe(0);

	await page.reload();
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
	await expect(page.getByTestId('file-summary')).toHaveAttribute('data-restored', 'working-copy');
	await expect.poll(async () => (await gridRows(page)).length).toBe(3);

	await page.getByRole('button', { name: 'Replace data' }).click();
	await importFile(page, `${FIXTURES}import/ragged.csv`);
	await expect(page.getByTestId('import-error')).toHaveText("ragged.csv: 1 row does not have the header's 3 fields: line 3 has 2");
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
	await expect.poll(async () => (await gridRows(page))[1]?.[2]).toBe('Zoë');
});

test('lists the ragged lines of a CSV and imports it anyway when asked, short rows padded', async ({ page }) => {
	await createProject(page, 'Ragged');
	await importFile(page, `${FIXTURES}import/ragged.csv`);
	await expect(page.getByTestId('import-error')).toHaveText("ragged.csv: 1 row does not have the header's 3 fields: line 3 has 2");
	await page.getByTestId('import-anyway').click();
	await expect(page.getByTestId('file-summary')).toHaveText(/^ragged\.csv · 2 rows × \d variables$/);
	await expect(page.getByTestId('import-error')).toHaveCount(0);
	await expect
		.poll(async () => (await gridRows(page)).map((r) => r.slice(-3)))
		.toEqual([
			['1', '2', '3'],
			['4', '5', '']
		]);
});

test('reads Excel and Parquet files, and shows a variable with its distribution', async ({ page }) => {
	await createProject(page, 'Formats');
	await importFile(page, `${FIXTURES}import/survey.xlsx`);
	await expect(page.getByTestId('file-summary')).toHaveText('survey.xlsx · 3 rows × 5 variables');
	await expect.poll(async () => (await gridRows(page))[1]).toEqual(['2', '102', 'm', '', '1985-01-01', '=cmd|calc']);

	await page.getByRole('button', { name: 'Replace data' }).click();
	await importFile(page, `${FIXTURES}import/small.parquet`);
	await expect(page.getByTestId('file-summary')).toHaveText('small.parquet · 4 rows × 4 variables');
	await page.getByRole('columnheader', { name: 'score' }).click();
	const panel = page.getByTestId('variable-panel');
	await expect(panel).toContainText('valid3');
	await expect(panel).toContainText('system-missing1');
	await expect(panel.locator('canvas')).toBeVisible();
});

test('names the file when it is not data at all', async ({ page }) => {
	await createProject(page, 'Bad input');
	await importFile(page, `${FIXTURES}import/binary.csv`);
	await expect(page.getByTestId('import-error')).toHaveText('binary.csv is not a CSV, Excel, Parquet or SPSS file (it holds binary data)');
	await importFile(page, `${FIXTURES}import/empty.csv`);
	await expect(page.getByTestId('import-error')).toHaveText('empty.csv is empty');
});

test('reads an SPSS file with its dictionary: variable labels, value labels instead of codes, user-missing marked', async ({ page }) => {
	await createProject(page, 'SPSS');
	await importFile(page, `${FIXTURES}sav/pyreadstat_sample_missing.sav`);
	// the file's 7 variables plus sieve_id: it has no variable that can name respondents
	await expect(page.getByTestId('file-summary')).toHaveText('pyreadstat_sample_missing.sav · 7 rows × 8 variables');
	await expect(page.getByRole('columnheader', { name: 'sieve_id' })).toBeVisible();
	await page.getByRole('columnheader', { name: 'mylabl' }).click();
	const panel = page.getByTestId('variable-panel');
	await expect(panel).toContainText('Male');
	await expect(panel).toContainText('Female');
	const col = 5; // row number, mychar, mynum, mydate, dtime, mylabl
	const codes = (await gridRows(page)).map((r) => r[col]);
	await page.getByTestId('labels-toggle').check();
	await expect
		.poll(async () => (await gridRows(page)).map((r) => r[col]))
		.toEqual(codes.map((c) => ({ '1': 'Male', '2': 'Female', '-1': 'undetermined' })[c] ?? c));
	expect(await page.locator('.window .cell.missing').count()).toBeGreaterThan(0);
});

test('refuses an encrypted SPSS file with one clear line', async ({ page }) => {
	await createProject(page, 'Locked');
	await importFile(page, `${FIXTURES}sav/pspp_hotel-encrypted.sav`);
	await expect(page.getByTestId('import-error')).toHaveText('pspp_hotel-encrypted.sav: encrypted SPSS file: decrypt it in SPSS first');
});
