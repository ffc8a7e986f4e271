import { createProject, expect, FIXTURES, importFile, test } from './fixtures';

// srw_employee_data.sav: 474 employees whose only findings are info: 93 outliers, none flagged (the
// anomaly check, which names 9 unusual employees with a warning, is left out of this run).
const SAV = `${FIXTURES}sav/srw_employee_data.sav`;

test('info findings are counted and filterable; a bulk exclusion asks, spares an individual keep, and its undo is audited', async ({
	page
}) => {
	test.setTimeout(240_000);
	await createProject(page, 'Employees');
	await importFile(page, SAV);
	await expect(page.getByTestId('file-summary')).toContainText('474 rows');
	await page.getByRole('link', { name: 'Checks' }).click();
	await page.getByRole('checkbox', { name: 'Include Unusual respondents' }).uncheck();
	await page.getByRole('button', { name: 'Run selected checks' }).click();
	await expect(page.getByTestId('verdicts')).toBeVisible({ timeout: 120_000 });
	await expect(page.getByTestId('verdict-info')).toHaveText('93 of them with info findings only');
	await expect(page.getByTestId('flagged-outliers')).toHaveText('0');
	await expect(page.getByTestId('info-outliers')).toHaveText('93');
	await expect(page.getByTestId('severity-outliers')).toHaveText('142 / 0 / 0');

	await page.getByRole('link', { name: 'Review' }).click();
	const table = page.getByTestId('review-table');
	await expect(table).toHaveAttribute('data-count', '474');
	await page.getByTestId('filter-severity').selectOption('info');
	await expect(table).toHaveAttribute('data-count', '93');
	await page.getByTestId('filter-check').selectOption('outliers');
	await page.getByTestId('filter-severity').selectOption('all');
	await expect(table).toHaveAttribute('data-count', '93');

	// one respondent kept by a reviewer, with a reason
	const rows = page.getByTestId('review-row');
	await rows.nth(0).click();
	const detail = page.getByTestId('respondent-detail');
	const keptId = (await detail.getByTestId('detail-id').textContent())!;
	await page.keyboard.press('Shift+K');
	await page.getByTestId('decision-reason').fill('checked: a senior manager, plausible');
	await page.getByTestId('decision-submit').click();
	await expect(detail.getByTestId('detail-decisions')).toContainText('keep');

	// a reason typed on the next respondent survives moving away with j/k and the arrows
	await page.keyboard.press('j');
	await expect(detail).toHaveAttribute('data-row', (await rows.nth(1).getAttribute('data-row'))!);
	const draftRow = await detail.getAttribute('data-row');
	await page.keyboard.press('x');
	const reason = page.getByTestId('decision-reason');
	await expect(reason).toBeFocused();
	await reason.pressSequentially('salary outlier, ask HR jk');
	await page.keyboard.press('ArrowDown');
	await expect(reason).toHaveValue('salary outlier, ask HR jk');
	await expect(detail).toHaveAttribute('data-row', draftRow!);
	await detail.getByRole('heading', { level: 2 }).click();
	await page.keyboard.press('j');
	await expect(detail).not.toHaveAttribute('data-row', draftRow!);
	await expect(page.getByTestId('decision-form')).toBeHidden();
	await page.keyboard.press('k');
	await expect(detail).toHaveAttribute('data-row', draftRow!);
	await expect(reason).toHaveValue('salary outlier, ask HR jk');
	await expect(page.getByTestId('decision-form')).toHaveAttribute('data-action', 'exclude');
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('decision-form')).toBeHidden();
	await page.keyboard.press('j');
	await page.keyboard.press('k');
	await expect(page.getByTestId('decision-form')).toBeHidden();

	// bulk exclusion of the view: the dialog gives the count and what it skips
	const bulk = page.getByTestId('bulk');
	await bulk.getByLabel('bulk action').selectOption('exclude');
	await bulk.getByLabel('bulk reason').fill('outlier sweep');
	await bulk.getByRole('button', { name: 'Apply' }).click();
	const dialog = page.getByRole('dialog', { name: 'Exclude 93 respondents?' });
	await expect(dialog).toBeVisible();
	await expect(dialog.getByTestId('bulk-individual')).toContainText('1 respondent has an individual decision (kept by a reviewer)');
	await expect(dialog.getByLabel('override individual decisions (1)')).not.toBeChecked();
	await expect(dialog.getByTestId('bulk-summary')).toHaveText('Exclude 92 respondents, skip 1.');
	// focus stays inside the dialog; Escape cancels without writing
	for (let i = 0; i < 4; i++) {
		await page.keyboard.press('Tab');
		expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
	}
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await page.getByTestId('filter-decision').selectOption('excluded');
	await expect(table).toHaveAttribute('data-count', '0');
	await page.getByTestId('filter-decision').selectOption('all');
	await expect(table).toHaveAttribute('data-count', '93');

	await bulk.getByRole('button', { name: 'Apply' }).click();
	await expect(dialog).toBeVisible();
	await dialog.getByLabel('override individual decisions (1)').focus();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await page.getByTestId('filter-decision').selectOption('excluded');
	await expect(table).toHaveAttribute('data-count', '92');
	await page.getByTestId('filter-decision').selectOption('kept');
	await expect(table).toHaveAttribute('data-count', '1');
	await expect(rows.first().locator('.id')).toHaveText(keptId);

	// one undo takes back the whole bulk exclusion, and only it
	await page.getByRole('button', { name: 'Undo', exact: true }).click();
	await page.getByTestId('filter-decision').selectOption('excluded');
	await expect(table).toHaveAttribute('data-count', '0');
	await page.getByTestId('filter-decision').selectOption('kept');
	await expect(table).toHaveAttribute('data-count', '1');

	await page.getByRole('link', { name: 'Audit trail' }).click();
	const timeline = page.getByTestId('audit-timeline');
	const payload = page.getByTestId('audit-payload');
	await expect(timeline.locator('tr[data-type=decision-undo]')).toHaveCount(1);
	await timeline.locator('tr[data-type=decision-undo]').getByRole('button').click();
	await expect(payload).toContainText('"removed": 92');
	await expect(payload).toContainText('"via": "undo"');
	await expect(payload).toContainText('"exclude"');
	await expect(payload).not.toContainText('outlier sweep');
	await page.keyboard.press('Escape');
	const bulkEvent = timeline.locator('tr[data-type=decision]').filter({ hasText: '"bulk":true' });
	await expect(bulkEvent).toHaveCount(1);
	await bulkEvent.getByRole('button').click();
	await expect(payload).toContainText('"skipped": 1');
	await page.keyboard.press('Escape');
	await expect(page.getByTestId('verify-result')).toContainText('Intact');
});
