import { createSubscriber } from 'svelte/reactivity';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { CLOSE_CODES } from '../../../server/protocol/rooms';

export type LinkState = 'connecting' | 'connected' | 'disconnected' | 'expired' | 'refused';

export interface ConnectOptions {
	/** `ws(s)://HOST/rooms` */
	serverUrl: string;
	room: string;
	token: string;
	/** Node has no global WebSocket before v22: tests pass `ws`. */
	WebSocketPolyfill?: typeof WebSocket;
}

/**
 * A project doc linked to its relay room. Its state is reactive (`createSubscriber` over the
 * provider's events), so `.state` and `.synced` re-render a component that reads them.
 * @example const link = new RoomLink(doc, { serverUrl: relayWsUrl(location.origin), room, token });
 */
export class RoomLink {
	readonly provider: WebsocketProvider;
	#state: LinkState = 'connecting';
	#closeReason = '';
	#subscribe: () => void;
	#listeners = new Set<() => void>();

	constructor(doc: Y.Doc, opts: ConnectOptions) {
		this.provider = new WebsocketProvider(opts.serverUrl, opts.room, doc, {
			params: { token: opts.token },
			// Collaborators meet only through the relay: it enforces roles, a BroadcastChannel would not.
			disableBc: true,
			...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {})
		});
		const changed = () => this.#listeners.forEach((l) => l());
		this.provider.on('status', ({ status }) => {
			if (this.#state === 'expired' || this.#state === 'refused') return;
			this.#state = status;
			changed();
		});
		this.provider.on('sync', changed);
		this.provider.on('closed', (event) => {
			this.#state = event.code === CLOSE_CODES.tokenExpired ? 'expired' : 'refused';
			this.#closeReason = event.reason;
			changed();
		});
		this.#subscribe = createSubscriber((update) => {
			this.#listeners.add(update);
			return () => this.#listeners.delete(update);
		});
	}

	get state(): LinkState {
		this.#subscribe();
		return this.#state;
	}

	/** True once the relay's state has been received since the last (re)connect. */
	get synced(): boolean {
		this.#subscribe();
		return this.provider.synced;
	}

	/** Why the relay closed the room for good ('expired' or 'refused'). */
	get closeReason(): string {
		this.#subscribe();
		return this.#closeReason;
	}

	/** Re-opens with a fresh token after 4401 (token expired). */
	reconnect(token?: string): void {
		if (token) this.provider.params = { ...this.provider.params, token };
		this.#state = 'connecting';
		this.provider.disconnect();
		this.provider.connect();
	}

	disconnect(): void {
		this.provider.disconnect();
	}

	destroy(): void {
		this.#listeners.clear();
		this.provider.destroy();
	}
}
