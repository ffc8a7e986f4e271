import type { RoomStore } from './store/types';

/** Everything the relay is configured with; built from the environment in `index.ts` only. */
export interface RelayConfig {
	/** relay version reported by /health */
	version: string;
	/** the built PWA (SvelteKit adapter-static output) */
	staticDir: string;
	/** HMAC key for room tokens, at least 32 characters */
	secret: string;
	/** lifetime of owner tokens and default lifetime of invites */
	tokenTtlSeconds: number;
	maxTokenTtlSeconds: number;
	/** a room's stored state may not grow past this */
	maxRoomBytes: number;
	/** largest websocket frame accepted */
	maxMessageBytes: number;
	/** compact a room's stored updates after this many appends */
	compactEvery: number;
	/** an empty room is persisted and dropped from memory after this long */
	idleUnloadMs: number;
	/** `POST /rooms` per client address and minute */
	createRoomsPerMinute: number;
}

export interface RelayDeps {
	store: RoomStore;
	/** clock in milliseconds */
	now?: () => number;
	log?: (line: string) => void;
	onError?: (error: unknown) => void;
}

const DAY = 24 * 60 * 60;

export const DEFAULT_CONFIG: Omit<RelayConfig, 'secret' | 'version' | 'staticDir'> = {
	tokenTtlSeconds: 7 * DAY,
	maxTokenTtlSeconds: 90 * DAY,
	maxRoomBytes: 16 * 1024 * 1024,
	maxMessageBytes: 16 * 1024 * 1024 + 64 * 1024,
	compactEvery: 500,
	idleUnloadMs: 30_000,
	createRoomsPerMinute: 60
};
