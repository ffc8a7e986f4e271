import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import type { CreateHookResponse, DeliveryLogEntry } from '../../../../server/protocol/hooks';
import type { CreateRoomResponse } from '../../../../server/protocol/rooms';
import { startReceiver, type Receiver } from './receiver';

// The relay process as `npm start` runs it, killed without warning between two attempts of a message.
const root = path.resolve(import.meta.dirname, '../../../..');
let dataDir: string;
let receiver: Receiver;
let child: ChildProcess | null = null;

async function startRelay(): Promise<string> {
	const env = {
		...process.env,
		DATA_DIR: dataDir,
		PORT: '0',
		HOST: '127.0.0.1',
		RELAY_HOOKS_ALLOW: '127.0.0.1',
		RELAY_HOOKS_SCHEDULE: '0,1,1'
	};
	const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
	child = proc;
	let out = '';
	const port = await new Promise<string>((resolve, reject) => {
		proc.stdout!.on('data', (d: Buffer) => {
			out += d.toString();
			const found = out.match(/on http:\/\/127\.0\.0\.1:(\d+),/)?.[1];
			if (found) resolve(found);
		});
		proc.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
	});
	return `http://127.0.0.1:${port}`;
}

async function kill() {
	const proc = child!;
	const exited = new Promise((resolve) => proc.once('exit', resolve));
	proc.kill('SIGKILL');
	await exited;
}

const until = async (check: () => boolean | Promise<boolean>) => {
	for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
	expect(await check()).toBe(true);
};

beforeAll(async () => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'sieve-hooks-entry-'));
	receiver = await startReceiver();
});

afterAll(async () => {
	if (child?.exitCode === null) child.kill('SIGKILL');
	await receiver.close();
	rmSync(dataDir, { recursive: true, force: true });
});

it('delivers a reported event signed, and finishes its retries after the relay is killed and restarted', async () => {
	let relay = await startRelay();
	const json = { 'content-type': 'application/json' };
	const { room, token } = (await (await fetch(`${relay}/rooms`, { method: 'POST' })).json()) as CreateRoomResponse;
	const auth = { ...json, authorization: `Bearer ${token}` };
	const hook = { room, url: `${receiver.url}/sieve`, format: 'generic', events: ['check-run.finished'] };
	const { id, secret } = (await (
		await fetch(`${relay}/hooks`, { method: 'POST', headers: auth, body: JSON.stringify(hook) })
	).json()) as CreateHookResponse;

	receiver.respond = (_r, res) => res.writeHead(503).end();
	const event = { room, type: 'check-run.finished', data: { findings: 41, checks: 27 } };
	expect((await fetch(`${relay}/events`, { method: 'POST', headers: auth, body: JSON.stringify(event) })).status).toBe(202);
	const log = async () => (await (await fetch(`${relay}/hooks/${id}/deliveries`, { headers: auth })).json()) as DeliveryLogEntry[];
	await until(async () => (await log()).length === 1);
	await kill();

	receiver.respond = (_r, res) => res.writeHead(200).end();
	relay = await startRelay();
	await until(() => receiver.received.length === 2);
	const [first, second] = receiver.received;
	expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
	expect(new Webhook(secret).verify(second!.body, second!.headers as Record<string, string>)).toMatchObject({
		type: 'check-run.finished',
		room,
		data: event.data
	});
	await until(async () => (await log()).length === 2);
	expect((await log()).map((d) => [d.attempt, d.status, d.state])).toEqual([
		[2, 200, 'delivered'],
		[1, 503, 'retrying']
	]);
	await kill();
});
