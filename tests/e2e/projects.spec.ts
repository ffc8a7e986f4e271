import type { Page } from '@playwright/test';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';

const item = (page: Page, name: string) => page.getByTestId('project-item').filter({ has: page.getByRole('link', { name, exact: true }) });

/** Names of the OPFS entries (root and originals/) whose name holds `id`. */
async function opfsFiles(page: Page, id: string): Promise<string[]> {
	return page.evaluate(async (id) => {
		const out: string[] = [];
		const root = await navigator.storage.getDirectory();
		const walk = async (dir: FileSystemDirectoryHandle, prefix: string) => {
			// TypeScript's DOM lib lacks the async iterator of a directory handle
			const entries = (dir as unknown as { entries(): AsyncIterable<[string, FileSystemHandle]> }).entries();
			for await (const [name, h] of entries) {
				if (h.kind === 'directory') await walk(h as FileSystemDirectoryHandle, `${prefix}${name}/`);
				else if (name.includes(id)) out.push(`${prefix}${name}`);
			}
		};
		await walk(root, '');
		return out.sort();
	}, id);
}

const idbNames = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('projects are renamed, duplicated and deleted from the home page; the demo opens again', async ({ page }) => {
	await createProject(page, 'Wave 1');
	await importFile(page, `${FIXTURES}import/utf8.csv`);
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
	const id = page.url().split('/project/')[1];

	// the manifest link works on a project page (it used to resolve under /project/<id>/)
	const manifest = await page.locator('link[rel=manifest]').getAttribute('href');
	expect(manifest).toBe('/manifest.webmanifest');
	expect((await page.request.get(manifest!)).status()).toBe(200);
	// the id column leads and stays in view; a header shows its full name on hover
	await expect(page.locator('[role=columnheader].frozen')).toHaveText('id');
	await expect(page.getByRole('button', { name: 'comment', exact: true })).toHaveAttribute('title', 'comment');

	await page.goto('/');
	await item(page, 'Wave 1').getByRole('button', { name: 'Rename Wave 1' }).click();
	await page.getByLabel('New name of Wave 1').fill('Wave 1 final');
	await page.getByRole('button', { name: 'Rename', exact: true }).click();
	await expect(item(page, 'Wave 1 final')).toBeVisible();

	await item(page, 'Wave 1 final').getByRole('button', { name: 'Duplicate Wave 1 final' }).click();
	await expect(item(page, 'Wave 1 final (copy)')).toContainText('utf8.csv · 3 rows × 5 variables');
	await page.getByRole('link', { name: 'Wave 1 final (copy)' }).click();
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
	await expect(page.getByTestId('file-summary')).toHaveAttribute('data-restored', 'original');
	const copyId = page.url().split('/project/')[1];
	expect(copyId).not.toBe(id);
	await page.getByRole('link', { name: 'Review' }).click();
	await expect(page.getByTestId('review-table')).toBeVisible();

	// delete the first one: files, review doc and rows go; the copy stays whole. Its working copy
	// is the engine's open database when the user comes home by the app's own link
	await page.goto(`/project/${id}`);
	await expect(page.getByTestId('file-summary')).toHaveAttribute('data-restored', 'working-copy');
	await page.getByRole('link', { name: 'Sieve home' }).click();
	await expect(item(page, 'Wave 1 final')).toBeVisible();
	expect((await opfsFiles(page, id)).filter((n) => !n.endsWith('.wal'))).toEqual([`originals/${id}`, `sieve-${id}.duckdb`]);
	await item(page, 'Wave 1 final').getByRole('button', { name: 'Delete Wave 1 final' }).click();
	await expect(page.getByRole('alert')).toContainText('This cannot be undone');
	await page.getByRole('button', { name: 'Keep it' }).click();
	await expect(item(page, 'Wave 1 final')).toBeVisible();
	await item(page, 'Wave 1 final').getByRole('button', { name: 'Delete Wave 1 final' }).click();
	await page.getByRole('button', { name: 'Delete for good' }).click();
	await expect(item(page, 'Wave 1 final')).toHaveCount(0);
	expect(await opfsFiles(page, id)).toEqual([]);
	expect(await idbNames(page)).not.toContain(`sieve-doc-${id}`);
	expect(await opfsFiles(page, copyId)).toContain(`originals/${copyId}`);
	await page.goto(`/project/${id}`);
	await expect(page.getByText('This project does not exist in this browser.')).toBeVisible();
	await page.goto(`/project/${copyId}`);
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');

	// the demo is generated once, then reopened
	await page.goto('/');
	await page.getByRole('button', { name: 'Try the demo survey' }).click();
	await expect(page.getByTestId('file-summary')).toContainText('2,000 rows');
	const demoId = page.url().split('/project/')[1].split('?')[0];
	await page.goto('/');
	await page.getByRole('button', { name: 'Try the demo survey' }).click();
	await expect(page.getByTestId('file-summary')).toContainText('2,000 rows');
	expect(page.url()).toMatch(new RegExp(`/project/${demoId}$`));
	await page.goto('/');
	await expect(page.getByTestId('project-item')).toHaveCount(2);
});
