import { afterEach, expect } from 'vitest';
import { connectClient, startRelay, type Client, type RunningRelay } from '../relay-harness';
import { openRawSocket } from './raw-socket';

/**
 * Relays, clients and raw sockets that are torn down (in reverse order) after each test; every
 * relay must have reported no error by then.
 */
export function useRelayScope() {
	const cleanup: Array<() => unknown> = [];
	afterEach(async () => {
		for (const fn of cleanup.splice(0).reverse()) await fn();
	});
	return {
		cleanup,
		async relayWith(options: Parameters<typeof startRelay>[0] = {}) {
			const relay = await startRelay(options);
			cleanup.push(async () => {
				await relay.stop();
				expect(relay.errors).toEqual([]);
			});
			return relay;
		},
		client(relay: RunningRelay, room: string, token: string): Client {
			const c = connectClient(relay, room, token);
			cleanup.push(() => c.destroy());
			return c;
		},
		rawSocket: (relay: RunningRelay, room: string, token: string) => openRawSocket(relay, room, token, (fn) => cleanup.push(fn))
	};
}
