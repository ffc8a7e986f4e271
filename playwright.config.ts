import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// E2E_PORT lets two runs share a machine
const PORT = Number(process.env.E2E_PORT ?? 4187);
// the stand-in LLM the relay proxies to (tests/support/llm-upstream.ts)
export const LLM_URL = `http://127.0.0.1:${PORT + 1}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'sieve-e2e-'));

// Debian's chromium, because Playwright cannot download its own browser here; the flags keep it
// from reaching for Google services this machine's closed network refuses.
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 180_000,
	expect: { timeout: 30_000 },
	workers: 1,
	reporter: process.env.CI ? [['list']] : [['list']],
	webServer: [
		{
			command: `npx tsx server/index.ts`,
			env: {
				PORT: String(PORT),
				HOST: '127.0.0.1',
				DATA_DIR: dataDir,
				STATIC_DIR: 'build',
				RELAY_CONNECTORS_ALLOW: '127.0.0.1',
				RELAY_HOOKS_ALLOW: '127.0.0.1',
				LLM_BASE_URL: `${LLM_URL}/v1`,
				LLM_MODEL: 'stand-in'
			},
			url: `http://127.0.0.1:${PORT}/health`,
			reuseExistingServer: false,
			timeout: 60_000
		},
		{
			command: `npx tsx tests/support/llm-upstream-main.ts ${PORT + 1}`,
			url: `${LLM_URL}/v1/models`,
			reuseExistingServer: false,
			timeout: 60_000
		}
	],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
		trace: 'retain-on-failure'
	}
});
