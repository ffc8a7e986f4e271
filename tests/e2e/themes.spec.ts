import { expect, test } from './fixtures';

test('an open end’s answers are grouped into themes on the device, with counts, terms and examples', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Try the demo survey' }).click();
	await expect(page.getByTestId('file-summary')).toContainText('2,000 rows');
	await page.getByRole('columnheader', { name: 'oe_improve' }).click();
	const themes = page.getByTestId('themes');
	await themes.getByRole('button', { name: 'Find themes' }).click();
	await expect(themes.getByRole('status')).toContainText(/\d+ themes over [\d,]+ answers/);
	const items = themes.locator('ol.list > li');
	expect(await items.count()).toBeGreaterThanOrEqual(2);
	await items.first().locator('summary').click();
	await expect(items.first().locator('.example').first()).not.toBeEmpty();
	await expect(themes.locator('canvas')).toBeVisible();

	await themes.getByLabel('Number of themes').selectOption('3');
	await themes.getByRole('button', { name: 'Find again' }).click();
	await expect(themes.getByRole('status')).toContainText(/^\s*3 themes over/);
});
