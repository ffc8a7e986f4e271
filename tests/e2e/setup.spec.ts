import { expect, test } from './fixtures';

test('setup shows detected roles, checks a rule as it is typed, and keeps saved settings', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'Try the demo survey' }).click();
	await expect(page.getByTestId('file-summary')).toContainText('2,000 rows');
	await page.getByRole('link', { name: 'Setup' }).click();
	await expect(page.getByTestId('role-id')).toHaveValue('rid');
	await expect(page.getByTestId('role-duration')).toHaveValue('duration_s');

	await page.getByRole('button', { name: 'Add rule' }).click();
	const when = page.getByLabel('Condition that flags a respondent').last();
	await when.fill('hh_sise < n_children');
	await expect(
		page.getByRole('alert').filter({ hasText: 'unknown variable "hh_sise" at column 1; did you mean "hh_size"?' })
	).toBeVisible();
	await when.fill('age < 18 and (screener = 1');
	await expect(page.getByRole('alert').filter({ hasText: "expected ')'" })).toBeVisible();
	await when.fill('age < 18');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await page.getByLabel('Rule name').last().fill('minor');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status')).toContainText('Saved');

	await page.reload();
	await expect(page.getByLabel('Rule name').last()).toHaveValue('minor');
	await expect(page.getByLabel('Condition that flags a respondent').last()).toHaveValue('age < 18');

	await page.getByRole('link', { name: 'Audit trail' }).click();
	await expect(page.getByRole('button', { name: /Details of rule-change event/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /Details of setting-change event/ })).toBeVisible();
});
