import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { CreateRoomResponse } from '../../../server/protocol/rooms';
import { createSqliteRoomStore } from '../../../server/store/sqlite';

// server/index.ts as `npm start` runs it: a separate process configured by its environment only.
const root = path.resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
	for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
	const dir = mkdtempSync(path.join(tmpdir(), 'sieve-entry-'));
	dirs.push(dir);
	return dir;
}

async function start(env: Record<string, string>) {
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
		cwd: root,
		env: { ...process.env, RELAY_SECRET: '', PORT: '0', HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	children.push(child);
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const line = await new Promise<string>((resolve, reject) => {
		child.stdout!.on('data', () => stdout.includes('\n') && resolve(stdout.split('\n')[0]!));
		void exited.then((code) => reject(new Error(`relay exited with ${code}: ${stderr}`)));
	});
	const port = Number(line.match(/^Sieve relay \S+ on http:\/\/127\.0\.0\.1:(\d+),/)?.[1]);
	return {
		line,
		http: `http://127.0.0.1:${port}`,
		ws: `ws://127.0.0.1:${port}/rooms`,
		output: () => stdout,
		async stop(signal: NodeJS.Signals) {
			child.kill(signal);
			return exited;
		}
	};
}

function connect(url: string, room: string, token: string) {
	const doc = new Y.Doc();
	const provider = new WebsocketProvider(url, room, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		params: { token },
		disableBc: true
	});
	return {
		doc,
		provider,
		destroy() {
			provider.destroy();
			doc.destroy();
		}
	};
}

async function until(condition: () => boolean) {
	while (!condition()) await new Promise((r) => setTimeout(r, 10));
}

describe('relay entry point (server/index.ts)', () => {
	it('logs one line with its URL, creates a secret once, compacts rooms on SIGTERM and keeps rooms and tokens across the restart', async () => {
		const dataDir = tempDir();
		const first = await start({ DATA_DIR: dataDir });
		expect(first.line).toMatch(/^Sieve relay \d+\.\d+\.\d+ on http:\/\/127\.0\.0\.1:\d+, data in /);
		const secret = readFileSync(path.join(dataDir, 'secret'), 'utf8');
		expect(secret.length).toBeGreaterThanOrEqual(32);

		const { room, token } = (await (await fetch(`${first.http}/rooms`, { method: 'POST' })).json()) as CreateRoomResponse;
		const a = connect(first.ws, room, token);
		await until(() => a.provider.synced);
		for (let i = 0; i < 30; i++) a.doc.getMap('decisions').set(`r${i}`, 'exclude');
		const b = connect(first.ws, room, token);
		await until(() => b.doc.getMap('decisions').size === 30);
		a.destroy();

		expect(await first.stop('SIGTERM')).toBe(0);
		expect(first.output()).toContain('SIGTERM: persisting rooms and stopping');
		b.destroy();
		const stored = createSqliteRoomStore({ file: path.join(dataDir, 'relay.sqlite') });
		expect(await stored.stat(room)).toMatchObject({ room, updates: 1 });
		await stored.close();

		const second = await start({ DATA_DIR: dataDir });
		expect(readFileSync(path.join(dataDir, 'secret'), 'utf8')).toBe(secret);
		const c = connect(second.ws, room, token);
		await until(() => c.doc.getMap('decisions').size === 30);
		expect(c.doc.getMap('decisions').get('r29')).toBe('exclude');
		c.destroy();
		expect(await second.stop('SIGINT')).toBe(0);
	});

	it('takes RELAY_SECRET and STATIC_DIR from the environment', async () => {
		const dataDir = tempDir();
		const build = tempDir();
		mkdirSync(path.join(build, '_app'));
		writeFileSync(path.join(build, '200.html'), '<title>sieve spa</title>');
		const relay = await start({ DATA_DIR: dataDir, STATIC_DIR: build, RELAY_SECRET: 'x'.repeat(40) });
		expect(existsSync(path.join(dataDir, 'secret'))).toBe(false);
		expect(await (await fetch(`${relay.http}/projects/1`)).text()).toBe('<title>sieve spa</title>');
		const health = await (await fetch(`${relay.http}/health`)).json();
		expect(health).toMatchObject({ ok: true, rooms: 0 });
		expect(await relay.stop('SIGTERM')).toBe(0);
	});

	it('refuses to start with a weak RELAY_SECRET', async () => {
		await expect(start({ DATA_DIR: tempDir(), RELAY_SECRET: 'short' })).rejects.toThrow(/at least 32/);
	});
});
