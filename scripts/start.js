#!/usr/bin/env node
// `npm start`: build the PWA, then run the relay serving it (PORT, default 8787).
import { spawn, spawnSync } from 'node:child_process';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const build = spawnSync(npx, ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const relay = spawn(npx, ['tsx', 'server/index.ts'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => relay.kill(sig));
relay.on('exit', (code) => process.exit(code ?? 0));
