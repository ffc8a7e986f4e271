import { test as base, expect, type Page } from '@playwright/test';

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

/** Service workers blocked by default: autoUpdate reloads the page when the worker takes control. */
export const test = base.extend({
	context: async ({ browser }, use) => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		await use(context);
		await context.close();
	}
});

export { expect };

export async function createProject(page: Page, name: string): Promise<void> {
	await page.goto('/');
	await page.getByLabel('New project').fill(name);
	await page.getByRole('button', { name: 'Create' }).click();
	await expect(page.getByRole('heading', { name })).toBeVisible();
}

export async function importFile(page: Page, file: string): Promise<void> {
	await page.getByTestId('file-input').setInputFiles(file);
}

/** Text of the grid's visible cells, row by row (row number first). */
export async function gridRows(page: Page): Promise<string[][]> {
	return page
		.getByTestId('grid')
		.locator('.window .row')
		.evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('[role=gridcell],[role=rowheader]'), (c) => c.textContent ?? '')));
}
