import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ErrorGroup, LogsPage } from '../../server/protocol/logs';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';
import { freePort, spawnRelay, stopRelay } from './relay-process';

const ADMIN = 'e2e-monitor-admin-token';

test('errors logged offline reach the relay once, with the page trace id, after it comes back', async ({ browser }) => {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'sieve-e2e-monitor-'));
	const port = await freePort();
	const relay = await spawnRelay(port, dataDir, { RELAY_ADMIN_TOKEN: ADMIN });
	const origin = `http://127.0.0.1:${port}`;
	const admin = async <T>(route: string): Promise<T> => {
		const res = await fetch(`${origin}${route}`, { headers: { authorization: `Bearer ${ADMIN}` } });
		expect(res.status, route).toBe(200);
		return (await res.json()) as T;
	};
	const context = await browser.newContext({ serviceWorkers: 'block', baseURL: origin });
	try {
		const page = await context.newPage();
		await createProject(page, 'Monitored wave');
		await importFile(page, `${FIXTURES}import/utf8.csv`);
		await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
		await page.getByRole('link', { name: 'Review' }).click();
		await page.getByTestId('my-name').fill('Olga');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.getByTestId('share-create').click();
		await expect(page.getByTestId('project-connection')).toHaveAttribute('data-state', 'connected');

		await page.getByRole('link', { name: 'Diagnostics' }).click();
		await page.getByTestId('ship-project').check();
		const trace = (await page.getByTestId('trace-id').textContent())!;
		expect(trace).toMatch(/^[0-9a-f]{32}$/);

		await context.setOffline(true);
		await page.evaluate(() => {
			for (const n of [11, 22, 33]) setTimeout(() => Promise.reject(new Error(`e2e offline failure ${n} for mia@example.com`)));
		});
		// longer than a batch interval and the three retries' backoff (1 + 2 + 4 s): the batch is back in the queue
		await page.waitForTimeout(13_000);
		expect((await admin<LogsPage>(`/logs?trace=${trace}`)).entries).toEqual([]);

		await context.setOffline(false);
		await expect.poll(async () => (await admin<LogsPage>(`/logs?trace=${trace}&level=error`)).entries.length, { timeout: 20_000 }).toBe(1);
		await page.waitForTimeout(6_000);
		const { entries } = await admin<LogsPage>(`/logs?trace=${trace}&level=error`);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({ level: 'error', message: 'unhandled rejection', count: 3, trace });
		expect(entries[0]!.error!.message).toBe('e2e offline failure 11 for [EMAIL]');
		const groups = await admin<ErrorGroup[]>('/logs/errors');
		expect(groups.map((g) => [g.message, g.count])).toEqual([['e2e offline failure 11 for [EMAIL]', 3]]);

		await page.getByRole('button', { name: 'Refresh' }).click();
		// the local group shows its latest occurrence; the local log keeps every one of them
		await expect(page.getByTestId('error-groups')).toContainText('e2e offline failure 33 for [EMAIL]');
		await expect(page.getByTestId('error-groups').locator('td.num').first()).toHaveText('3');
	} finally {
		await context.close();
		await stopRelay(relay).catch(() => {});
		rmSync(dataDir, { recursive: true, force: true });
	}
});
