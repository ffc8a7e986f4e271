import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import type { RoomAccess } from '../../../app/lib/notifications/relay-hooks';
import { createApp } from '../../../server/app';
import { DEFAULT_HOOKS_CONFIG } from '../../../server/hooks/config';
import { createHookService, type HookService } from '../../../server/hooks/service';
import { parseAllowList } from '../../../server/hooks/ssrf';
import { createSqliteHookStore } from '../../../server/hooks/store';
import type { CreateRoomResponse, InviteResponse } from '../../../server/protocol/rooms';
import { createMemoryRoomStore } from '../../../server/store/memory';
import { testConfig } from '../server/relay-harness';
import { startReceiver, type Receiver } from '../server/hooks/receiver';

export interface HooksRelay {
	hooks: HookService;
	receiver: Receiver;
	/** a new room's owner */
	owner: RoomAccess;
	invite(role: 'reviewer' | 'viewer'): Promise<RoomAccess>;
	stop(): Promise<void>;
}

/** The real relay with webhooks over HTTP (loopback allowed), delivering to a local receiver. */
export async function startHooksRelay(): Promise<HooksRelay> {
	const dir = mkdtempSync(path.join(tmpdir(), 'sieve-app-hooks-'));
	const receiver = await startReceiver();
	const store = createSqliteHookStore({ file: path.join(dir, 'relay.sqlite') });
	const hooks = createHookService({ store, config: { ...DEFAULT_HOOKS_CONFIG, allow: parseAllowList('127.0.0.1') } });
	hooks.start();
	const relay = createApp(testConfig(), { store: createMemoryRoomStore(), hooks });
	const server = await new Promise<ServerType>((resolve) => {
		const s = serve({ fetch: relay.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
	});
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const { room, token } = (await (await fetch(`${origin}/rooms`, { method: 'POST' })).json()) as CreateRoomResponse;
	const owner = { relay: origin, room, token };
	return {
		hooks,
		receiver,
		owner,
		async invite(role) {
			const res = await fetch(`${origin}/rooms/${room}/invites`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ role })
			});
			return { ...owner, token: ((await res.json()) as InviteResponse).token };
		},
		async stop() {
			await hooks.stop();
			await relay.close();
			server.close();
			store.close();
			await receiver.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
