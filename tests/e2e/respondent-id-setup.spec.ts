import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';
import { exportAs, readColumn } from './respondent-id-files';

// An id chosen in Setup that cannot name respondents (a repeated or a blank value) is refused with a
// message and the Dataset keeps its usable id; a usable one re-keys the decisions already made. Either
// way, excluding one respondent removes exactly that respondent from the export.

const truth = JSON.parse(readFileSync(`${FIXTURES}e2e/ids.json`, 'utf8'));
const { caseIds } = truth.caseid as { caseIds: number[] };
const { blankRow } = truth.blankId as { blankRow: number };

async function chooseId(page: Page, variable: string) {
	await page.getByRole('link', { name: 'Setup' }).click();
	await page.getByTestId('role-id').selectOption(variable);
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').or(page.getByRole('alert')).first()).toBeVisible();
}

async function excludeRow(page: Page, row: number) {
	await page.getByRole('link', { name: 'Review' }).click();
	await page.getByTestId('review-table').locator(`[data-testid=review-row][data-row="${row}"]`).click();
	const detail = page.getByTestId('respondent-detail');
	await expect(detail).toHaveAttribute('data-row', String(row));
	await detail.getByTestId('exclude').click();
	await page.getByTestId('decision-reason').fill('one respondent');
	await page.getByTestId('decision-submit').click();
	await expect(detail.getByTestId('detail-decisions')).toContainText('exclude');
	await page.getByRole('link', { name: 'Export' }).click();
}

test('a Setup id with repeated values (gender): excluding one respondent removes only that respondent', async ({ page }) => {
	await createProject(page, 'Setup id repeats');
	await importFile(page, `${FIXTURES}e2e/caseid-shuffled.csv`);
	await expect(page.getByTestId('file-summary')).toContainText('300 rows');
	await chooseId(page, 'gender');
	await expect(page.getByTestId('config-problems')).toContainText('gender cannot name respondents');
	await excludeRow(page, 6);
	const { values } = await readColumn((await exportAs(page, 'csv', 1)).file, 'csv', 'CaseID');
	expect(values.map(Number)).toEqual(caseIds.filter((_, i) => i !== 5));
});

test('a Setup id with a blank (CaseID): excluding the blank-id respondent removes it, not the respondent whose CaseID is its row number', async ({
	page
}) => {
	await createProject(page, 'Setup id blank');
	await importFile(page, `${FIXTURES}e2e/blank-id.csv`);
	await expect(page.getByTestId('file-summary')).toContainText('8 rows');
	// at import CaseID cannot serve, so Sieve added sieve_id
	await expect(page.getByRole('columnheader', { name: 'sieve_id' })).toBeVisible();
	await chooseId(page, 'CaseID');
	await expect(page.getByTestId('config-problems')).toContainText('CaseID cannot name respondents (1 empty)');
	await excludeRow(page, blankRow);
	const { values } = await readColumn((await exportAs(page, 'csv', 1)).file, 'csv', 'q1');
	expect(values.map(Number)).toEqual([1, 2, 4, 5, 6, 7, 8]);
});

test('a decision made under sieve_id stays with its respondent when Setup then names the real id', async ({ page }) => {
	const { panelists, excludeRow: row } = truth.panelist as { panelists: number[]; excludeRow: number };
	await createProject(page, 'Setup id later');
	await importFile(page, `${FIXTURES}e2e/panelist.csv`);
	await expect(page.getByRole('columnheader', { name: 'sieve_id' })).toBeVisible();
	await excludeRow(page, row);
	await chooseId(page, 'panelist');
	await page.getByRole('link', { name: 'Export' }).click();
	const { values } = await readColumn((await exportAs(page, 'csv', 1)).file, 'csv', 'panelist');
	expect(values.map(Number)).toEqual(panelists.filter((_, i) => i !== row - 1));
});
