import type { RunDeps } from '../../../server/connectors/run';
import type { SyncEntry } from '../../../server/connectors/types';

/** Run deps with the real fetch and an injected clock: sleeps are recorded and pass at once. */
export function testDeps(over: Partial<RunDeps> = {}) {
	const sleeps: number[] = [];
	const log: SyncEntry[] = [];
	let clock = 1_750_000_000_000;
	const deps: RunDeps = {
		fetch,
		sleep: async (ms) => {
			sleeps.push(ms);
			clock += ms;
		},
		random: () => 0.5,
		now: () => clock,
		retry: { maxRetries: 3, baseMs: 1000, maxMs: 30_000 },
		timeoutMs: 5000,
		pageSize: 100,
		room: null,
		log: (e) => log.push(e),
		...over
	};
	return { deps, sleeps, log };
}

export async function collect(chunks: AsyncIterable<string>): Promise<string> {
	let out = '';
	for await (const c of chunks) out += c;
	return out;
}
