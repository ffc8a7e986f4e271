import { readFileSync } from 'node:fs';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';

test('downloads the report, the findings and the recipe as SPSS syntax; Export counts the cleaning', async ({ page }) => {
	await createProject(page, 'Report <e2e>');
	await importFile(page, `${FIXTURES}import/utf8.csv`);
	await expect(page.getByTestId('file-summary')).toContainText('3 rows');
	await page.getByRole('link', { name: 'Checks' }).click();
	await page.getByRole('button', { name: 'Run selected checks' }).click();
	const verdicts = page.getByTestId('verdicts');
	await expect(verdicts).toBeVisible();
	const [keep, review, remove] = (await verdicts.locator('.n').allTextContents()).map((t) => t.trim());

	const reportDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Data-quality report (HTML)' }).click();
	const report = await reportDownload;
	expect(report.suggestedFilename()).toBe('utf8-report.html');
	const html = readFileSync((await report.path())!, 'utf8');
	expect(html).toContain('<h1>Data-quality report: Report &lt;e2e&gt;</h1>');
	expect(html).not.toMatch(/(https?:|\/\/[a-z0-9])|<script\b/i);
	expect(html).not.toContain('<script>alert(1)</script>');
	for (const [verdict, n] of [
		['keep', keep],
		['review', review],
		['remove', remove]
	])
		expect(html).toContain(`<tr><td>${verdict}</td><td class="r">${n}</td>`);

	const pdfDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'PDF', exact: true }).click();
	const pdf = await pdfDownload;
	expect(pdf.suggestedFilename()).toBe('utf8-report.pdf');
	expect(
		readFileSync((await pdf.path())!)
			.subarray(0, 8)
			.toString('latin1')
	).toBe('%PDF-1.4');

	const findingsDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'CSV', exact: true }).click();
	const findings = readFileSync((await (await findingsDownload).path())!, 'utf8');
	expect(findings.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('respondent,check,level,severity,variable,score,message,evidence');

	await page.getByRole('link', { name: 'Export' }).click();
	await page.getByTestId('recipe-input').setInputFiles(`${FIXTURES}recipe/utf8-wave.json`);
	const summary = page.getByTestId('cleaning-summary');
	await expect(summary).toContainText('1 respondent removed, 3 steps in all.');
	await expect(summary.getByRole('row', { name: 'speeder 1' })).toBeVisible();
	const spsDownload = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Recipe as SPSS syntax (.sps)' }).click();
	const sps = readFileSync((await (await spsDownload).path())!, 'utf8');
	expect(sps).toContain('IF (id = 2) sieve_drop = 1.');
	expect(sps).toContain("IF (id = 3) name = 'Ann''; DROP TABLE data; --'.");
	expect(sps).toContain('SELECT IF (sieve_drop = 0).');
});
