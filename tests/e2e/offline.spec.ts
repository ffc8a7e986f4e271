import { test as base } from '@playwright/test';
import { createProject, expect, FIXTURES, gridRows, importFile } from './fixtures';

// Service workers allowed here: this test is about them.
const test = base;

test('after the first visit the app works with the network off: reload, open the project, scroll, run DuckDB and ONNX', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The first page load is not controlled; the next navigation is, once the worker is active.
	await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 }).toBe(true);

	await createProject(page, 'Field trip');
	await importFile(page, `${FIXTURES}import/utf8.csv`);
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
	const url = page.url();

	await context.setOffline(true);
	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Field trip' })).toBeVisible();
	await page.getByRole('link', { name: 'Field trip' }).click();
	await expect(page).toHaveURL(url);
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
	await expect(page.getByTestId('file-summary')).toHaveAttribute('data-restored', 'working-copy');
	await expect.poll(async () => (await gridRows(page))[1]?.[2]).toBe('Zoë');
	await page.getByTestId('grid').focus();
	await page.keyboard.press('End');

	await page.reload();
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
	await expect(page.getByText('offline — everything still works here')).toBeVisible();

	await page.goto('/about');
	await expect(page.getByTestId('engine-status')).toContainText('counted 1,000,000 rows');
	await expect(page.getByTestId('ml-status')).toContainText('onnxruntime-web ran the smoke model: 0.6225, 0.9526');
	await context.close();
});
