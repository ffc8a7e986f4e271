import { expect, test } from './fixtures';

test('review: filter by a check, search open ends, sort by score; the detail highlights flagged cells', async ({ page }) => {
	test.setTimeout(240_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Try the demo survey' }).click();
	await expect(page.getByTestId('file-summary')).toContainText('2,000 rows');
	await page.getByRole('link', { name: 'Checks' }).click();
	await page.getByRole('button', { name: 'Run selected checks' }).click();
	await expect(page.getByTestId('verdicts')).toBeVisible({ timeout: 120_000 });
	const speeders = Number((await page.getByTestId('flagged-speeders').textContent())!.replace(/,/g, ''));

	await page.getByRole('link', { name: 'Review' }).click();
	const table = page.getByTestId('review-table');
	await expect(table).toHaveAttribute('data-count', '2000');
	await page.getByTestId('filter-check').selectOption('speeders');
	await expect(table).toHaveAttribute('data-count', String(speeders));
	await page.getByTestId('filter-check').selectOption('any');
	await expect(table).toHaveAttribute('data-count', '2000');
	// out-of-range answers are findings on their variable
	await page.getByTestId('filter-variable').selectOption('age');
	await expect.poll(async () => Number(await table.getAttribute('data-count'))).toBeGreaterThan(0);
	await expect.poll(async () => Number(await table.getAttribute('data-count'))).toBeLessThan(2000);
	await page.getByTestId('filter-variable').selectOption('any');
	await expect(table).toHaveAttribute('data-count', '2000');

	// planted keyboard mashing such as "asdfgh jkl" sits in the open ends
	await page.getByTestId('search-open-ends').fill('asdf');
	await expect.poll(async () => Number(await table.getAttribute('data-count'))).toBeGreaterThan(0);
	await expect.poll(async () => Number(await table.getAttribute('data-count'))).toBeLessThan(2000);
	await page.getByTestId('search-open-ends').fill("'; DROP TABLE data; --");
	await expect(table).toHaveAttribute('data-count', '0');
	await page.getByTestId('search-open-ends').fill('');
	await expect(table).toHaveAttribute('data-count', '2000');

	// grouped by check, the list starts with respondents that have a warning or error (flags shown)
	await page.getByTestId('sort').selectOption('check');
	await expect(page.getByTestId('review-row').first().locator('.flags')).not.toBeEmpty();
	await page.getByTestId('sort').selectOption('score');
	const first = page.getByTestId('review-row').first();
	await expect(first.getByTestId('verdict')).toHaveText('remove');
	await first.click();
	const detail = page.getByTestId('respondent-detail');
	await expect(detail.getByTestId('detail-findings')).toBeVisible();
	await expect(detail.getByTestId('flagged-cell').first()).toBeVisible();
});
