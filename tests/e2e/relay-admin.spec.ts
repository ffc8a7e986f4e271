import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { freePort, spawnRelay, stopRelay } from './relay-process';

const ADMIN = 'e2e-relay-admin-token';
const TRACE = '0af7651916cd43dd8448eb211c80319c';

test('the relay admin page shows logs and error groups, resolves an error and adds an alert rule', async ({ page }) => {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'sieve-e2e-admin-'));
	const port = await freePort();
	const relay = await spawnRelay(port, dataDir, { RELAY_ADMIN_TOKEN: ADMIN, RELAY_HOOKS_ALLOW: '127.0.0.1' });
	const origin = `http://127.0.0.1:${port}`;
	try {
		const { token } = (await (await fetch(`${origin}/rooms`, { method: 'POST' })).json()) as { token: string };
		const now = new Date().toISOString();
		const posted = await fetch(`${origin}/logs`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', traceparent: `00-${TRACE}-00f067aa0ba902b7-01` },
			body: JSON.stringify([
				{ time: now, level: 'info', message: '<img src=x onerror=alert(1)> import finished' },
				{ time: now, level: 'error', message: 'export failed', error: { name: 'Error', message: 'disk full' }, count: 2 }
			])
		});
		expect(posted.status).toBe(202);

		await page.goto(`${origin}/logs/admin`);
		await page.getByLabel('Admin token').fill(ADMIN);
		await page.getByRole('button', { name: 'Use' }).click();
		const rows = page.locator('#log-rows tr');
		await expect(rows).toHaveCount(2);
		await expect(rows.first()).toContainText('export failed');
		await expect(rows.nth(1)).toContainText('<img src=x onerror=alert(1)> import finished');
		await expect(rows.first()).toContainText(TRACE);

		await page.getByRole('button', { name: 'Errors' }).click();
		await expect(page.locator('#error-rows tr')).toContainText('disk full');
		await expect(page.locator('#error-rows td').first()).toHaveText('2');
		await page.getByRole('button', { name: 'Resolve' }).click();
		await expect(page.locator('#error-rows tr')).toContainText('resolved');

		await page.getByRole('button', { name: 'Requests' }).click();
		await expect(page.locator('#chart rect').first()).toBeAttached();

		await page.getByRole('button', { name: 'Alerts' }).click();
		await page.getByLabel('Name').fill('error burst');
		// an alert rule fires through an admin webhook, which must exist (nothing listens there: no alert fires)
		const hook = (await (
			await fetch(`${origin}/hooks`, {
				method: 'POST',
				headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
				body: JSON.stringify({ room: null, url: 'http://127.0.0.1:9/alerts', format: 'generic', events: ['alert.fired'] })
			})
		).json()) as { id: string };
		await page.getByLabel('Hook id').fill(hook.id);
		await page.getByRole('button', { name: 'Add rule' }).click();
		await expect(page.locator('#rule-rows tr')).toContainText('errors > 10');
		const rules = (await (await fetch(`${origin}/alerts`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { name: string }[];
		expect(rules.map((r) => r.name)).toEqual(['error burst']);
	} finally {
		await stopRelay(relay).catch(() => {});
		rmSync(dataDir, { recursive: true, force: true });
	}
});
