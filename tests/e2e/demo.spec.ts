import { expect, gridRows, test } from './fixtures';

test('the demo survey imports in one click, with labels, user-missing codes and charts', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Try the demo survey' }).click();
	await expect(page.getByTestId('file-summary')).toHaveText('demo-survey (generated) · 2,000 rows × 40 variables');
	await expect.poll(async () => (await gridRows(page)).length).toBeGreaterThan(5);
	const first = (await gridRows(page))[0];
	expect(first[0]).toBe('1');

	await page.getByRole('columnheader', { name: 'q1_1', exact: true }).click();
	const panel = page.getByTestId('variable-panel');
	await expect(panel).toContainText("How satisfied are you with Northwind's price?");
	await expect(panel).toContainText('98, 99');
	await expect(panel).toContainText('Very satisfied');
	await expect(panel.locator('canvas')).toBeVisible();

	const q11 = 15; // row number, rid, 13 more columns, then q1_1
	const codes = (await gridRows(page)).map((r) => r[q11]);
	expect(codes.every((c) => /^(|[1-5]|98|99|7)$/.test(c))).toBe(true);
	await page.getByTestId('labels-toggle').check();
	await expect.poll(async () => (await gridRows(page)).map((r) => r[q11]).filter((c) => /^[1-5]$/.test(c)).length).toBe(0);
	const labelled = (await gridRows(page)).map((r) => r[q11]);
	expect(labelled.some((c) => ['Very dissatisfied', 'Dissatisfied', 'Neither', 'Satisfied', 'Very satisfied'].includes(c))).toBe(true);
});

test('the grid pages through rows from the engine while scrolling to the end', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Try the demo survey' }).click();
	await expect(page.getByTestId('file-summary')).toContainText('2,000 rows');
	const grid = page.getByTestId('grid');
	await grid.focus();
	await page.keyboard.press('End');
	await expect.poll(async () => (await gridRows(page)).map((r) => r[0]).includes('2000')).toBe(true);
	await page.keyboard.press('Home');
	await expect.poll(async () => (await gridRows(page))[0]?.[0]).toBe('1');
});
