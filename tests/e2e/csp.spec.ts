import { expect, test } from './fixtures';

// The relay serves every page with a strict CSP (server/static/csp.ts); the app must run under it:
// SvelteKit's inline bootstrap, the DuckDB and onnxruntime workers, WebAssembly, the relay socket.
test('the app runs under its Content Security Policy without a single violation', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`)
		);
	});

	const response = await page.goto('/');
	const csp = response!.headers()['content-security-policy'];
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
	await page.getByRole('button', { name: 'Try the demo survey' }).click();
	await expect(page.getByTestId('file-summary')).toHaveText('demo-survey (generated) · 2,000 rows × 40 variables');

	await page.goto('/about');
	await expect(page.getByTestId('engine-status')).toContainText('counted 1,000,000 rows');
	await expect(page.getByTestId('ml-status')).toContainText('onnxruntime-web ran the smoke model');
	expect(violations).toEqual([]);
});
