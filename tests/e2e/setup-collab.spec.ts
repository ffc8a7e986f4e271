import type { Browser, BrowserContext, Page } from '@playwright/test';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';

const FILE = `${FIXTURES}import/utf8.csv`;
const SYNC = { timeout: 10_000 };

async function newPage(browser: Browser, baseURL?: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ serviceWorkers: 'block', ...(baseURL ? { baseURL } : {}) });
	return { context, page: await context.newPage() };
}

async function invite(ownerPage: Page, role: 'reviewer' | 'viewer'): Promise<string> {
	await ownerPage.getByTestId(`invite-${role}`).click();
	const link = ownerPage.locator(`[data-testid=invite-link][data-role=${role}]`);
	await expect(link).toBeVisible();
	return link.inputValue();
}

async function join(browser: Browser, link: string, name: string) {
	const { context, page } = await newPage(browser, new URL(link).origin);
	await page.goto(link);
	await page.getByTestId('join-name').fill(name);
	await page.getByTestId('join-submit').click();
	await expect(page.getByTestId('dataset-gate')).toBeVisible();
	await importFile(page, FILE);
	await expect(page.getByTestId('review-table')).toHaveAttribute('data-count', '3');
	await expect(page.getByTestId('project-connection')).toHaveAttribute('data-state', 'connected');
	return { context, page };
}

const setup = async (page: Page) => {
	await page.getByRole('link', { name: 'Setup' }).click();
	await expect(page.getByTestId('role-id')).toBeVisible();
};

test('settings replicate: a reviewer adds a rule, the owner sees it; a viewer reads them only', async ({ browser }) => {
	test.setTimeout(300_000);
	const { context: ownerContext, page: owner } = await newPage(browser);
	await createProject(owner, 'Shared wave');
	await importFile(owner, FILE);
	await expect(owner.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');

	// the id picker: any variable, with whether it can serve
	await setup(owner);
	await owner.getByTestId('role-id').selectOption('name');
	await expect(owner.getByTestId('id-usability')).toHaveAttribute('data-usable', 'false');
	await expect(owner.getByTestId('id-usability')).toContainText('2 distinct values in 3 rows, 1 empty');
	await owner.getByTestId('role-id').selectOption('id');
	await expect(owner.getByTestId('id-usability')).toHaveAttribute('data-usable', 'true');
	await expect(owner.getByTestId('id-usability')).toContainText('Usable: 3 distinct values in 3 rows');
	await owner.getByTestId('role-id').selectOption('');
	await expect(owner.getByTestId('id-usability')).toContainText('row number (sieve_id)');
	await owner.getByTestId('role-id').selectOption('id');
	await owner.getByRole('button', { name: 'Save settings' }).click();
	await expect(owner.getByRole('status')).toContainText('Saved');

	await owner.getByRole('link', { name: 'Review' }).click();
	await expect(owner.getByTestId('review-table')).toHaveAttribute('data-count', '3');
	await owner.getByTestId('my-name').fill('Olga');
	await owner.getByRole('button', { name: 'Save' }).click();
	await owner.getByTestId('share-create').click();
	await expect(owner.getByTestId('project-connection')).toHaveAttribute('data-state', 'connected');
	const reviewer = await join(browser, await invite(owner, 'reviewer'), 'Rémi');
	const viewer = await join(browser, await invite(owner, 'viewer'), 'Vera');

	await setup(owner);
	await setup(reviewer.page);
	await expect(reviewer.page.getByTestId('role-id')).toHaveValue('id');
	await reviewer.page.getByRole('button', { name: 'Add rule' }).click();
	await reviewer.page.getByLabel('Rule name').last().fill('high');
	await reviewer.page.getByLabel('Condition that flags a respondent').last().fill('score > 3');
	await reviewer.page.getByRole('button', { name: 'Save settings' }).click();
	await expect(reviewer.page.getByRole('status')).toContainText('Saved');

	await expect(owner.getByLabel('Rule name').last()).toHaveValue('high', SYNC);
	await expect(owner.getByLabel('Condition that flags a respondent').last()).toHaveValue('score > 3');
	await expect(owner.getByRole('status')).toContainText('A collaborator changed the settings');
	// stored, not only shown: still there after a reload
	await owner.reload();
	await expect(owner.getByLabel('Rule name').last()).toHaveValue('high');

	// a change arriving while the owner has unsaved edits waits to be shown
	await owner.getByLabel('Review below score').fill('70');
	await reviewer.page.getByRole('button', { name: 'Add rule' }).click();
	await reviewer.page.getByLabel('Rule name').last().fill('low');
	await reviewer.page.getByLabel('Condition that flags a respondent').last().fill('score < 2');
	await reviewer.page.getByRole('button', { name: 'Save settings' }).click();
	await expect(owner.getByTestId('setup-incoming')).toBeVisible(SYNC);
	await expect(owner.getByLabel('Rule name')).toHaveCount(1);
	await expect(owner.getByLabel('Review below score')).toHaveValue('70');
	await owner.getByRole('button', { name: 'Show their settings' }).click();
	await expect(owner.getByLabel('Rule name').last()).toHaveValue('low');
	await expect(owner.getByLabel('Review below score')).toHaveValue('85');

	// the author's chain has the rule-change, the owner's does not repeat it
	await reviewer.page.getByRole('link', { name: 'Audit trail' }).click();
	await expect(reviewer.page.getByRole('button', { name: /Details of rule-change event/ })).toHaveCount(2);

	await setup(viewer.page);
	await expect(viewer.page.getByTestId('setup-read-only')).toHaveText('You are a viewer: settings are read-only.');
	await expect(viewer.page.getByLabel('Rule name').last()).toHaveValue('low', SYNC);
	await expect(viewer.page.getByLabel('Rule name').last()).toBeDisabled();
	await expect(viewer.page.getByTestId('role-id')).toBeDisabled();
	await expect(viewer.page.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
	await expect(viewer.page.getByRole('button', { name: 'Add rule' })).toBeDisabled();

	await Promise.all([ownerContext.close(), reviewer.context.close(), viewer.context.close()]);
});
