import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';

// The relay of playwright.config.ts allows 127.0.0.1 (RELAY_HOOKS_ALLOW), so a receiver in this test
// process gets the deliveries; every other private address stays refused.
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
const receiver = createServer((req, res) => {
	let body = '';
	req.on('data', (c: Buffer) => (body += c.toString()));
	req.on('end', () => {
		received.push({ headers: req.headers, body });
		res.writeHead(204).end();
	});
});

test.beforeAll(() => new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve)));
test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

test('the owner adds a signed webhook, tests it, and a check run reaches it; a local project is told why not', async ({ browser }) => {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await createProject(page, 'Hooked wave');
	await importFile(page, `${FIXTURES}import/utf8.csv`);
	await page.getByRole('link', { name: 'Notifications' }).click();
	await expect(page.getByTestId('notifications-why')).toHaveText('Notifications need a shared project: share it through a relay first.');

	await page.getByRole('link', { name: 'Review' }).click();
	await page.getByTestId('my-name').fill('Olga');
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByTestId('share-create').click();
	await expect(page.getByTestId('project-connection')).toHaveAttribute('data-state', 'connected');
	await page.getByRole('link', { name: 'Notifications' }).click();

	await page.getByTestId('hook-url').fill('http://169.254.169.254/latest/meta-data/');
	await page.getByRole('button', { name: 'Add hook' }).click();
	await expect(page.getByRole('alert')).toContainText('169.254.169.254 is a private, loopback, link-local or reserved address');
	await expect(page.getByTestId('hook')).toHaveCount(0);

	const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sieve`;
	await page.getByTestId('hook-url').fill(url);
	await page.getByRole('button', { name: 'Add hook' }).click();
	await expect(page.getByTestId('hook')).toHaveCount(1);
	const secret = (await page.getByTestId('hook-secret').locator('code').last().textContent())!;
	expect(secret).toMatch(/^whsec_/);

	await page.getByRole('button', { name: 'Test' }).click();
	await expect(page.locator('.deliveries td.delivered')).toHaveCount(1);
	expect(received).toHaveLength(1);
	const test = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>);
	expect(test).toMatchObject({ type: 'hook.test', data: { test: true } });

	await page.getByRole('link', { name: 'Checks' }).click();
	await page.getByRole('button', { name: 'Run selected checks' }).click();
	await expect(page.getByTestId('verdicts')).toBeVisible();
	await expect.poll(() => received.length).toBe(2);
	const run = new Webhook(secret).verify(received[1]!.body, received[1]!.headers as Record<string, string>) as {
		type: string;
		data: Record<string, unknown>;
	};
	expect(run.type).toBe('check-run.finished');
	expect(run.data).toMatchObject({ respondents: 3 });
	expect(
		Object.values(run.data)
			.flat()
			.every((v) => typeof v === 'number' || typeof v === 'string')
	).toBe(true);
	await context.close();
});
