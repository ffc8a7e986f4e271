import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface RelayProcess {
	child: ChildProcess;
	/** `http://127.0.0.1:PORT` */
	origin: string;
	/** y-websocket serverUrl, `ws://127.0.0.1:PORT/rooms` */
	wsUrl: string;
	rssMiB(): number;
	/** Stops the relay (SIGTERM persists its rooms; SIGKILL does not wait). */
	stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `server/index.ts` of the checkout at `root` as its own process (as `npm start` runs it), so its
 * RSS is not mixed with the clients a bench holds.
 */
export async function startRelayProcess(root: string, env: Record<string, string>): Promise<RelayProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
		cwd: root,
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const port = await new Promise<number>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const m = out.match(/http:\/\/[^:]+:(\d+)/);
			if (m) resolve(Number(m[1]));
		});
		child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
	});
	return {
		child,
		origin: `http://127.0.0.1:${port}`,
		wsUrl: `ws://127.0.0.1:${port}/rooms`,
		rssMiB() {
			const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
			return Number(status.match(/VmRSS:\s+(\d+) kB/)![1]) / 1024;
		},
		stop: (signal = 'SIGTERM') =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill(signal);
			})
	};
}
