import { KOBO_TOKEN, KOBO_UID, startKobo } from '../support/platforms/kobo';
import { createProject, expect, gridRows, test } from './fixtures';

test('pulls a KoboToolbox form through the relay into a project, with the form labels as variable labels', async ({ page }) => {
	const kobo = await startKobo(120);
	try {
		await createProject(page, 'Kobo pull');
		await page.getByText('Import from a survey platform').click();
		await page.getByTestId('platform-url').fill(kobo.url);
		await page.getByTestId('platform-form').fill(KOBO_UID);
		await page.getByTestId('platform-token').fill('wrong-token');
		await page.getByTestId('platform-test').click();
		await expect(page.getByTestId('platform-error')).toContainText('HTTP 401');
		await expect(page.getByTestId('platform-error')).toContainText('check the credentials');

		await page.getByTestId('platform-token').fill(KOBO_TOKEN);
		await page.getByTestId('platform-test').click();
		const preview = page.getByTestId('platform-preview');
		await expect(preview).toContainText('Water access 2025: 120 submissions');
		await expect(preview).toContainText('How old are you?');

		await page.getByTestId('platform-pull').click();
		await expect(page.getByTestId('file-summary')).toHaveText(/^kobo-aXk9Wq2mT5bLp-.*\.csv · 120 rows × \d+ variables$/);
		await expect.poll(async () => (await gridRows(page)).length).toBeGreaterThan(0);
		await page.getByRole('columnheader', { name: 'household/region' }).click();
		await expect(page.getByTestId('variable-panel')).toContainText('Which region do you live in?');
		// the relay only forwarded: the platform saw the pull's own requests, with the token the browser sent
		expect(kobo.requests.some((r) => r.startsWith('GET /api/v2/assets/aXk9Wq2mT5bLp/data/'))).toBe(true);
	} finally {
		await kobo.close();
	}
});
