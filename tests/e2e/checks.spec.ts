import { expect, test } from './fixtures';

test('runs the checks on the demo survey with progress, keeps the results across a reload, re-runs one check', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Try the demo survey' }).click();
	await expect(page.getByTestId('file-summary')).toContainText('2,000 rows');
	await page.getByRole('link', { name: 'Checks' }).click();
	await page.getByRole('button', { name: 'Run selected checks' }).click();
	await expect(page.getByRole('progressbar')).toBeVisible();
	const verdicts = page.getByTestId('verdicts');
	await expect(verdicts).toBeVisible({ timeout: 120_000 });
	// 60 speeders and 60 bots are planted at the default 3 % rate of 2,000
	const speeders = Number((await page.getByTestId('flagged-speeders').textContent())!.replace(/,/g, ''));
	expect(speeders).toBeGreaterThanOrEqual(114);
	const counts = (await verdicts.textContent())!;
	// the keep card also says how many of them have info findings only: read the three counts
	const [keep, review, remove] = (await verdicts.locator('.n').allTextContents()).map((t) => Number(t.replace(/,/g, '')));
	expect(keep + review + remove).toBe(2000);
	expect(remove).toBeGreaterThan(0);
	await expect(page.getByRole('img', { name: 'Respondents per quality score band' })).toBeVisible();
	await expect(page.getByRole('img', { name: 'Respondents per interview duration' })).toBeVisible();

	await page.reload();
	await expect(page.getByTestId('verdicts')).toHaveText(counts);
	await expect(page.getByTestId('flagged-speeders')).toHaveText(String(speeders));

	await page.getByRole('button', { name: 'Re-run Speeders' }).click();
	await expect(page.getByRole('progressbar')).toBeVisible();
	await expect(page.getByRole('progressbar')).toBeHidden({ timeout: 60_000 });
	await expect(page.getByTestId('verdicts')).toHaveText(counts);

	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(page.getByTestId('what-if')).toContainText(`${remove.toLocaleString('en-US')}`);
});
