#!/usr/bin/env node
// `npm test`: everything CI runs, on a fresh machine. Checks formatting (Prettier), lint (ESLint, which
// also holds the architecture boundaries) and types (svelte-check for the app, tsc for the relay), installs
// Debian's chromium (Playwright may not download browsers here) and PSPP (the oracle for our SPSS writer)
// when missing, then runs the unit tests, builds the app and runs the end-to-end tests against the relay
// serving that build.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const run = (cmd, args, opts = {}) => {
	console.log(`\n$ ${cmd} ${args.join(' ')}`);
	const start = performance.now();
	const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	console.log(`(${((performance.now() - start) / 1000).toFixed(1)} s)`);
	if (r.status !== 0) {
		console.error(`\n${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
		process.exit(r.status || 1);
	}
};
const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

const npx = 'npx';
run(npx, ['prettier', '--check', '.']);
run(npx, ['eslint', '.']);
run(npx, ['svelte-kit', 'sync']);
run(npx, ['svelte-check', '--tsconfig', './tsconfig.json']);
run(npx, ['tsc', '-p', 'server/tsconfig.json', '--noEmit']);

const missing = [];
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
if (!has('pspp')) missing.push('pspp');
if (!has('pdftotext')) missing.push('poppler-utils');
if (missing.length) {
	const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
	const apt = (args) => (sudo.length ? run('sudo', ['apt-get', ...args]) : run('apt-get', args));
	apt(['update']);
	apt(['install', '-y', '-o', 'DPkg::Lock::Timeout=900', '--no-install-recommends', ...missing]);
}

run(npx, ['vitest', 'run']);
run(npx, ['vite', 'build']);
run(npx, ['playwright', 'test'], { env: { ...process.env, CI: process.env.CI ?? 'true' } });
