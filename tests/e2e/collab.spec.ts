import type { Browser, BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createProject, expect, FIXTURES, importFile, test } from './fixtures';
import { freePort, spawnRelay, stopRelay } from './relay-process';

const FILE = `${FIXTURES}import/utf8.csv`;
const SYNC = { timeout: 5_000 };

async function newPage(browser: Browser, baseURL?: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ serviceWorkers: 'block', ...(baseURL ? { baseURL } : {}) });
	return { context, page: await context.newPage() };
}

const row = (page: Page, n: number) => page.locator(`[data-testid=review-row][data-row="${n}"]`);
const badge = (page: Page, n: number) => row(page, n).getByTestId('decision-badge');

async function decide(page: Page, n: number, key: 'x' | 'Shift+K', reason: string) {
	await row(page, n).click();
	await expect(page.getByTestId('respondent-detail')).toHaveAttribute('data-row', String(n));
	await expect(page.getByTestId('detail-id')).toHaveText(String(n));
	await page.keyboard.press(key);
	await page.getByTestId('decision-reason').fill(reason);
	await page.keyboard.press('Enter');
	await expect(badge(page, n)).toBeVisible();
}

async function comment(page: Page, n: number, text: string) {
	await row(page, n).click();
	await expect(page.getByTestId('detail-id')).toHaveText(String(n));
	await page.keyboard.press('c');
	await page.getByTestId('comment-input').fill(text);
	await page.getByTestId('comment-submit').click();
}

const connection = (page: Page) => page.getByTestId('connection-state');

async function owner(browser: Browser, baseURL?: string, runChecks = false) {
	const { context, page } = await newPage(browser, baseURL);
	await createProject(page, 'Shared wave');
	await importFile(page, FILE);
	await expect(page.getByTestId('file-summary')).toHaveText('utf8.csv · 3 rows × 5 variables');
	if (runChecks) {
		await page.getByRole('link', { name: 'Checks' }).click();
		await page.getByRole('button', { name: 'Run selected checks' }).click();
		await expect(page.getByTestId('verdicts')).toBeVisible();
	}
	await page.getByRole('link', { name: 'Review' }).click();
	await expect(page.getByTestId('review-table')).toHaveAttribute('data-count', '3');
	await page.getByTestId('my-name').fill('Olga');
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByTestId('share-create').click();
	await expect(connection(page)).toHaveAttribute('data-state', 'connected');
	return { context, page };
}

async function invite(ownerPage: Page, role: 'reviewer' | 'viewer'): Promise<string> {
	await ownerPage.getByTestId(`invite-${role}`).click();
	const link = ownerPage.locator(`[data-testid=invite-link][data-role=${role}]`);
	await expect(link).toBeVisible();
	return link.inputValue();
}

async function join(browser: Browser, link: string, name: string, wrongFileFirst = false) {
	const { context, page } = await newPage(browser, new URL(link).origin);
	await page.goto(link);
	await page.getByTestId('join-name').fill(name);
	await page.getByTestId('join-submit').click();
	await expect(page.getByTestId('dataset-gate')).toBeVisible();
	if (wrongFileFirst) {
		await importFile(page, `${FIXTURES}import/codes.csv`);
		await expect(page.getByTestId('dataset-mismatch')).toContainText('codes.csv is not the file this room reviews');
	}
	await importFile(page, FILE);
	await expect(page.getByTestId('review-table')).toHaveAttribute('data-count', '3');
	await page.getByTestId('share-toggle').click();
	await expect(connection(page)).toHaveAttribute('data-state', 'connected');
	return { context, page };
}

/** Milliseconds until `check` passes on the other page (logged, not asserted: the bench measures latency). */
async function seenAfter(start: number, check: () => Promise<void>): Promise<number> {
	await check();
	return Date.now() - start;
}

test('two reviewers on one project through the relay: live edits, offline edits converge, a viewer changes nothing', async ({
	browser
}) => {
	// two browsers, a viewer, offline phases: minutes of work on a loaded 2-core machine
	test.setTimeout(360_000);
	const a = await owner(browser, undefined, true);
	const b = await join(browser, await invite(a.page, 'reviewer'), 'Rémi', true);
	// scores of the owner's own check run fill the table's score and verdict columns
	await expect(row(a.page, 1).getByTestId('score')).toHaveText(/^\d+(\.\d+)?$/);
	await expect(row(a.page, 1).getByTestId('verdict')).toHaveText(/^(keep|review|remove)$/);
	await expect(row(b.page, 1).getByTestId('score')).toHaveText('—');

	// both decide at the same time and see each other's decisions
	const t0 = Date.now();
	await Promise.all([decide(a.page, 1, 'x', 'speeder'), decide(b.page, 2, 'Shift+K', 'checked by phone')]);
	const latencies = await Promise.all([
		seenAfter(t0, () => expect.poll(() => badge(b.page, 1).getAttribute('data-action'), SYNC).toBe('exclude')),
		seenAfter(t0, () => expect.poll(() => badge(a.page, 2).getAttribute('data-action'), SYNC).toBe('keep'))
	]);
	test.info().annotations.push({ type: 'sync (incl. UI typing)', description: `${latencies.join(' ms, ')} ms` });

	// comments with a mention, and presence on the respondent each one looks at
	await Promise.all([comment(a.page, 3, 'please look at this @Rémi'), comment(b.page, 2, 'phoned, fine @Olga')]);
	await row(b.page, 3).click();
	await expect
		.poll(() => b.page.getByTestId('comment').allTextContents(), SYNC)
		.toEqual([expect.stringContaining('please look at this @Rémi')]);
	await expect(b.page.getByTestId('comment').first()).toHaveClass(/mentions-me/);
	await expect.poll(() => row(a.page, 3).getByTestId('presence').getAttribute('data-name'), SYNC).toBe('Rémi');

	// the owner approves the reviewer's proposal
	await row(a.page, 2).click();
	await a.page.getByTestId('approve').click();
	await expect.poll(() => badge(b.page, 2).getAttribute('data-status'), SYNC).toBe('approved');

	// the reviewer goes offline; both keep editing
	await b.context.setOffline(true);
	await expect(connection(b.page)).toHaveAttribute('data-state', /disconnected|connecting/, { timeout: 40_000 });
	await decide(a.page, 3, 'x', 'straight-liner');
	await comment(b.page, 1, 'offline note');
	await row(b.page, 1).click();
	await b.page.getByTestId('review-status').selectOption('needs-discussion');
	await expect(badge(b.page, 3)).toHaveCount(0);

	await b.context.setOffline(false);
	await expect(connection(b.page)).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
	await expect.poll(() => badge(b.page, 3).getAttribute('data-action'), SYNC).toBe('exclude');
	await row(a.page, 1).click();
	await expect.poll(() => a.page.getByTestId('comment').allTextContents(), SYNC).toEqual([expect.stringContaining('offline note')]);
	await expect.poll(() => a.page.getByTestId('review-status').inputValue(), SYNC).toBe('needs-discussion');
	const state = (page: Page) =>
		page
			.getByTestId('review-row')
			.evaluateAll((rows) =>
				rows.map((r) => [
					r.getAttribute('data-row'),
					r.querySelector('[data-testid=decision-badge]')?.getAttribute('data-action') ?? null,
					r.querySelector('[data-testid=decision-badge]')?.getAttribute('data-status') ?? null
				])
			);
	await expect.poll(() => state(b.page), SYNC).toEqual(await state(a.page));
	expect(await state(a.page)).toEqual([
		['1', 'exclude', 'proposed'],
		['2', 'keep', 'approved'],
		['3', 'exclude', 'proposed']
	]);

	// the doc lives in the project layout: on the Data tab the owner stays connected and receives
	// the reviewer's comment; offline afterwards, Review shows it (a reopened doc would not have it)
	const header = (page: Page) => page.getByTestId('project-connection');
	await a.page.getByRole('link', { name: 'Data', exact: true }).click();
	await expect(a.page.getByTestId('review-table')).toHaveCount(0);
	await expect(header(a.page)).toHaveAttribute('data-state', 'connected');
	await comment(b.page, 2, 'seen from the data tab');
	await expect(b.page.getByTestId('comment')).toContainText(['seen from the data tab']);
	await a.page.waitForTimeout(3_000);
	await a.context.setOffline(true);
	await expect(header(a.page)).toHaveAttribute('data-state', /disconnected|connecting/, { timeout: 40_000 });
	await expect(header(a.page)).not.toHaveText('connected');
	await a.page.getByRole('link', { name: 'Review' }).click();
	await row(a.page, 2).click();
	await expect(a.page.getByTestId('comment')).toContainText(['seen from the data tab']);
	await a.context.setOffline(false);
	await expect(header(a.page)).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
	await a.page.getByTestId('share-toggle').click();
	await expect(connection(a.page)).toHaveAttribute('data-state', 'connected');

	// the owner approves every pending decision of a filtered view at once
	await a.page.getByTestId('filter-decision').selectOption('pending');
	await expect(a.page.getByTestId('review-table')).toHaveAttribute('data-count', '2');
	await a.page.getByTestId('approve-all').click();
	await expect(a.page.getByTestId('approve-confirm')).toContainText('Approve 2 pending decisions?');
	await a.page.getByTestId('approve-confirm-ok').click();
	await expect(a.page.getByTestId('review-table')).toHaveAttribute('data-count', '0');
	await a.page.getByTestId('filter-decision').selectOption('all');
	const approved = [
		['1', 'exclude', 'approved'],
		['2', 'keep', 'approved'],
		['3', 'exclude', 'approved']
	];
	await expect.poll(() => state(b.page), SYNC).toEqual(approved);
	expect(await state(a.page)).toEqual(approved);

	// a viewer sees everything and can change nothing
	const viewerLink = await invite(a.page, 'viewer');
	const v = await join(browser, viewerLink, 'Vera');
	await expect(v.page.getByTestId('my-role')).toHaveText('viewer');
	await expect.poll(() => state(v.page), SYNC).toEqual(await state(a.page));
	await row(v.page, 2).click();
	await expect(v.page.getByTestId('exclude')).toBeDisabled();
	await expect(v.page.getByTestId('keep')).toBeDisabled();
	await expect(v.page.getByTestId('comment-input')).toBeDisabled();
	await v.page.keyboard.press('x');
	await expect(v.page.getByTestId('decision-form')).toHaveCount(0);

	// a hand-crafted update sent with the viewer's token is dropped by the relay
	const params = new URLSearchParams(viewerLink.slice(viewerLink.indexOf('#') + 1));
	const ws = new WebSocket(
		`${new URL(a.page.url()).origin.replace('http', 'ws')}/rooms/${params.get('room')}?token=${params.get('token')}`
	);
	await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
	const forged = new Y.Doc();
	const m = new Y.Map<unknown>(
		Object.entries({
			id: 'forged',
			target: { respondent: 3, row: 3 },
			action: 'keep',
			reason: 'forged',
			author: 'Vera',
			time: new Date().toISOString(),
			status: 'approved'
		})
	);
	forged.getArray('decisions').push([m]);
	const enc = encoding.createEncoder();
	encoding.writeVarUint(enc, 0);
	syncProtocol.writeUpdate(enc, Y.encodeStateAsUpdate(forged));
	ws.send(encoding.toUint8Array(enc));
	// sequence point: ask for the relay's state on the same socket; the reply comes after the update was handled
	const reply = new Promise<Uint8Array>((resolve) =>
		ws.on('message', (data: Buffer) => {
			const d = decoding.createDecoder(new Uint8Array(data));
			if (decoding.readVarUint(d) === 0 && decoding.readVarUint(d) === syncProtocol.messageYjsSyncStep2)
				resolve(decoding.readVarUint8Array(d));
		})
	);
	const ask = encoding.createEncoder();
	encoding.writeVarUint(ask, 0);
	syncProtocol.writeSyncStep1(ask, new Y.Doc());
	ws.send(encoding.toUint8Array(ask));
	const relayState = new Y.Doc();
	Y.applyUpdate(relayState, await reply);
	ws.close();
	expect(relayState.getArray<Y.Map<unknown>>('decisions').map((d) => d.get('id'))).not.toContain('forged');
	expect(relayState.getArray('decisions').length).toBe(3);
	await expect(badge(a.page, 3)).toHaveAttribute('data-action', 'exclude');

	// each collaborator's audit chain reached the other through the project doc, and both verify
	for (const p of [a.page, b.page]) {
		await p.getByRole('link', { name: 'Audit trail' }).click();
		await expect
			.poll(
				async () => {
					await p.getByRole('button', { name: 'Verify', exact: true }).click();
					return p.getByTestId('verify-result').textContent();
				},
				{ timeout: 30_000 }
			)
			.toMatch(/Intact: 2 chains/);
		await expect(p.getByTestId('audit-timeline').locator('tr[data-type=decision]').first()).toBeVisible();
	}

	await Promise.all([a.context.close(), b.context.close(), v.context.close()]);
});

test('the relay restarts mid-session and nothing is lost', async ({ browser }) => {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'sieve-e2e-restart-'));
	const port = await freePort();
	let relay = await spawnRelay(port, dataDir);
	try {
		const origin = `http://127.0.0.1:${port}`;
		const a = await owner(browser, origin);
		const b = await join(browser, await invite(a.page, 'reviewer'), 'Rémi');
		await decide(a.page, 1, 'x', 'speeder');
		await expect.poll(() => badge(b.page, 1).getAttribute('data-action'), SYNC).toBe('exclude');

		await stopRelay(relay);
		await expect(connection(a.page)).not.toHaveAttribute('data-state', 'connected');
		await expect(connection(b.page)).not.toHaveAttribute('data-state', 'connected');
		await decide(b.page, 2, 'Shift+K', 'fine');
		await comment(a.page, 3, 'while the relay was down');

		relay = await spawnRelay(port, dataDir);
		await expect(connection(a.page)).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
		await expect(connection(b.page)).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
		await expect.poll(() => badge(a.page, 2).getAttribute('data-action'), SYNC).toBe('keep');
		await row(b.page, 3).click();
		await expect
			.poll(() => b.page.getByTestId('comment').allTextContents(), SYNC)
			.toEqual([expect.stringContaining('while the relay was down')]);

		// a newcomer after the restart, with both others gone, gets everything from the relay's store
		const viewerLink = await invite(a.page, 'viewer');
		await Promise.all([a.context.close(), b.context.close()]);
		const v = await join(browser, viewerLink, 'Vera');
		await expect.poll(() => badge(v.page, 1).getAttribute('data-action'), SYNC).toBe('exclude');
		await expect.poll(() => badge(v.page, 2).getAttribute('data-action'), SYNC).toBe('keep');
		await row(v.page, 3).click();
		await expect
			.poll(() => v.page.getByTestId('comment').allTextContents(), SYNC)
			.toEqual([expect.stringContaining('while the relay was down')]);
		await v.context.close();
	} finally {
		await stopRelay(relay).catch(() => {});
		rmSync(dataDir, { recursive: true, force: true });
	}
});
