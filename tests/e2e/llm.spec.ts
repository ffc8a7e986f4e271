import { LLM_URL } from '../../playwright.config';
import { expect, test } from './fixtures';

// The relay of this run proxies to the stand-in LLM (tests/support/llm-upstream.ts), which echoes
// the last user message and records what it received.
test('turns the LLM on for a shared project, shows what will be sent, explains a flag and audits the call', async ({ page, request }) => {
	test.setTimeout(240_000);
	await page.goto('/');
	await page.getByRole('button', { name: 'Try the demo survey' }).click();
	await expect(page.getByTestId('file-summary')).toContainText('2,000 rows');
	await page.getByRole('link', { name: 'Checks' }).click();
	await page.getByRole('button', { name: 'Run selected checks' }).click();
	await expect(page.getByTestId('verdicts')).toBeVisible({ timeout: 120_000 });

	// without the switch: a local explanation, nothing sent
	await page.getByRole('link', { name: 'AI', exact: true }).click();
	await expect(page.getByTestId('llm-switch')).not.toBeChecked();
	await page.getByTestId('ai-explain').click();
	await expect(page.getByTestId('ai-answer')).toHaveAttribute('data-via', 'local');
	await expect(page.getByTestId('ai-answer')).toContainText('Look at the flagged answers before deciding');

	// on, but the project is not shared yet: still local, with the reason
	await page.getByTestId('llm-switch').check();
	await expect(page.getByTestId('llm-unavailable')).toContainText('share this project first');

	await page.getByRole('link', { name: 'Review' }).click();
	await page.getByTestId('my-name').fill('Olga');
	await page.getByRole('button', { name: 'Save' }).click();
	await page.getByTestId('share-create').click();
	await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');

	await page.getByRole('link', { name: 'AI', exact: true }).click();
	await expect(page.getByTestId('llm-switch')).toBeChecked();
	const respondent = (await page.getByTestId('ai-respondent').locator('option').first().textContent())!.split(' · ')[0];
	await page.getByTestId('ai-explain').click();
	const pending = page.getByTestId('ai-pending');
	await expect(pending).toContainText('Prompt explain-flags version 1 (en)');
	await expect(pending.getByTestId('ai-sent').last()).toContainText(`Respondent ${respondent} was flagged by these checks:`);
	const before = ((await (await request.get(`${LLM_URL}/calls`)).json()) as unknown[]).length;
	await page.getByTestId('ai-send').click();

	const answer = page.getByTestId('ai-answer');
	await expect(answer).toHaveAttribute('data-via', 'llm');
	await expect(page.getByTestId('ai-source')).toHaveText('LLM stand-in · prompt explain-flags v1');
	await expect(answer.locator('pre')).toContainText(`You said: Respondent ${respondent} was flagged by these checks:`);
	const calls = (await (await request.get(`${LLM_URL}/calls`)).json()) as { body: { model: string; stream: boolean } }[];
	expect(calls.length).toBe(before + 1);
	expect(calls.at(-1)!.body).toMatchObject({ model: 'stand-in', stream: true });

	await page.getByRole('link', { name: 'Audit trail' }).click();
	const row = page.getByTestId('audit-timeline').locator('tr[data-type=llm-call]');
	await expect(row).toHaveCount(1);
	await row.getByRole('button').click();
	const payload = JSON.parse((await page.getByTestId('audit-payload').textContent())!) as Record<string, unknown>;
	expect(payload).toMatchObject({
		feature: 'explain-flags',
		prompt: 'explain-flags',
		version: 1,
		model: 'stand-in',
		via: 'llm',
		items: 1,
		ok: true
	});
	expect(Object.keys(payload).sort()).toEqual([
		'feature',
		'items',
		'model',
		'ok',
		'prompt',
		'receivedChars',
		'redacted',
		'sentChars',
		'version',
		'via'
	]);
});
