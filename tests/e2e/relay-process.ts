import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A relay process of our own (the webServer one cannot be restarted from a test), serving build/. */
export async function spawnRelay(port: number, dataDir: string, env: Record<string, string> = {}): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: 'build', ...env },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes(`:${port}`)) resolve();
		});
		child.once('exit', (code) => reject(new Error(`relay exited with ${code}`)));
	});
	return child;
}

export const stopRelay = (child: ChildProcess) =>
	new Promise<void>((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});

export function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer().listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}
