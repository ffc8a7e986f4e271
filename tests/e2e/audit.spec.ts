import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';

const CSV = `${FIXTURES}import/utf8.csv`;

async function download(page: Page, button: string | Locator): Promise<string> {
	const target = typeof button === 'string' ? page.getByRole('button', { name: button }) : button;
	const [file] = await Promise.all([page.waitForEvent('download'), target.click()]);
	const to = path.join(mkdtempSync(path.join(tmpdir(), 'sieve-audit-')), file.suggestedFilename());
	await file.saveAs(to);
	return to;
}

test('the audit trail records the import and its own opening, verifies, exports, and reports a tampered entry', async ({ page }) => {
	await createProject(page, 'Audited');
	await importFile(page, CSV);
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');

	await page.getByRole('link', { name: 'Audit trail' }).click();
	const result = page.getByTestId('verify-result');
	await expect(result).toContainText('Intact: 1 chain');
	const timeline = page.getByTestId('audit-timeline');
	await expect(timeline.locator('tr[data-type=project]')).toHaveCount(1);
	await expect(timeline.locator('tr[data-type=import]')).toContainText('utf8.csv');
	await expect(timeline.locator('tr[data-type=audit-view]')).toHaveCount(1);

	// The payload opens as text in a dialog and closes with Escape.
	await timeline.locator('tr[data-type=import]').getByRole('button').click();
	const payload = page.getByTestId('audit-payload');
	await expect(payload).toContainText('"file": "utf8.csv"');
	await page.keyboard.press('Escape');
	await expect(payload).toBeHidden();

	const json = await download(page, 'AUDIT JSON');
	const verify = spawnSync('npx', ['tsx', 'app/cli/sieve.ts', 'verify', json], { encoding: 'utf8' });
	expect(verify.stdout + verify.stderr).not.toContain('BROKEN');
	expect(verify.status).toBe(0);
	const audit = JSON.parse(readFileSync(json, 'utf8'));
	const events = audit.chains[0].events;
	expect(events.map((e: { type: string }) => e.type)).toEqual(['chain-start', 'project', 'import', 'audit-view', 'export']);
	expect(events[2].payload).toMatchObject({ file: 'utf8.csv', rows: 3, variables: 5, mode: 'new' });
	expect(events[2].payload.sha256).toBe(createHash('sha256').update(readFileSync(CSV)).digest('hex'));
	expect(
		readFileSync(await download(page, 'PDF report'))
			.subarray(0, 5)
			.toString()
	).toBe('%PDF-');

	// Devtools-like tampering: one byte of the stored import payload changes, its hash does not.
	const device = await page.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const open = indexedDB.open('sieve');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('auditEvents', 'readwrite');
					const cursor = tx.objectStore('auditEvents').openCursor();
					cursor.onsuccess = () => {
						const c = cursor.result;
						if (!c) return reject(new Error('no import event stored'));
						if (c.value.type !== 'import') return c.continue();
						c.update({ ...c.value, payload: { ...c.value.payload, file: 'utf9.csv' } });
						tx.oncomplete = () => {
							open.result.close();
							resolve(c.value.device);
						};
					};
				};
			})
	);
	await page.getByRole('button', { name: 'Verify' }).click();
	await expect(result).toContainText(`Broken at device ${device}, seq 2: hash-mismatch`);
	await expect(result).toHaveAttribute('data-ok', 'false');
});

test('calibration, retention and a person export on the audit page; the exports still verify across the archive', async ({ page }) => {
	await createProject(page, 'Retained');
	await importFile(page, CSV);
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
	await page.getByRole('link', { name: 'Audit trail' }).click();
	const result = page.getByTestId('verify-result');
	await expect(result).toContainText('Intact: 1 chain');
	await expect(page.getByTestId('audit-calibration')).toContainText('No exclude or keep decisions yet.');
	const timeline = page.getByTestId('audit-timeline');
	// the opening is recorded after the verification shows; the head of the chain always stays in the live trail
	await expect(timeline.locator('tr[data-type=audit-view]')).toHaveCount(1);

	const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('archive events before this day').fill(tomorrow);
	await page.getByRole('button', { name: 'Archive older events' }).click();
	await expect(page.getByTestId('retention-message')).toContainText('3 events moved to an archive');
	await expect(result).toContainText('Intact: 1 chain, 5 events');
	await expect(timeline.locator('tr[data-type=import]')).toHaveCount(0);
	await expect(timeline.locator('tr[data-type=archive]')).toHaveCount(1);

	const json = await download(page, 'AUDIT JSON');
	const events = JSON.parse(readFileSync(json, 'utf8')).chains[0].events;
	expect(events.map((e: { type: string }) => e.type).slice(0, 4)).toEqual(['chain-start', 'project', 'import', 'audit-view']);
	expect(spawnSync('npx', ['tsx', 'app/cli/sieve.ts', 'verify', json], { encoding: 'utf8' }).status).toBe(0);

	const actor = events[0].actor;
	await page.getByLabel('person whose audit data to export').selectOption(actor);
	const person = JSON.parse(readFileSync(await download(page, page.getByTestId('audit-actor-export')), 'utf8'));
	expect(person).toMatchObject({ kind: 'actor-export', actor });
	expect(person.authored.map((e: { type: string }) => e.type)).toContain('import');
	expect(person.authored.at(-1)).toMatchObject({ type: 'export', payload: { format: 'audit-actor', subject: actor } });
});
