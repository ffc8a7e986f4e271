import type { MonitoringDeps } from './logs/service';
import { DEFAULT_LLM_CONFIG, type LlmConfig } from './llm/config';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './rooms/limits';
import type { ConnectorsConfig } from './connectors/config';
import type { SyncLogStore } from './connectors/sync-log';
import type { HookService } from './hooks/service';
import type { RoomStore } from './store/types';

/** Everything the relay is configured with; built from the environment in `index.ts` only. */
export interface RelayConfig {
	/** relay version reported by /health */
	version: string;
	/** the built PWA (SvelteKit adapter-static output) */
	staticDir: string;
	/** HMAC key for room tokens, at least 32 characters */
	secret: string;
	/** lifetime of a token for joining (at most a day); members renew theirs while active */
	tokenTtlSeconds: number;
	/** longest lifetime of an invite link (its token can be renewed until then) */
	maxTokenTtlSeconds: number;
	/** a member who renews within this long keeps their membership */
	memberRenewSeconds: number;
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
	/** anyone may create rooms (`RELAY_OPEN_ROOMS`); when false, `POST /rooms` needs the admin token or a proof of work */
	openRooms: boolean;
	/** `RELAY_ADMIN_TOKEN`, else generated into the data directory */
	adminToken: string;
	/** difficulty of the room-creation proof of work, in leading zero bits of a SHA-256 */
	roomProofBits: number;
	/** open room sockets per client address */
	maxConnectionsPerAddress: number;
	/** what one room socket may do */
	connection: ConnectionLimits;
	/** the relay's public URL (`RELAY_PUBLIC_URL`): its origin may open room sockets */
	publicUrl?: string;
	/** other origins whose pages may open room sockets (`RELAY_ALLOWED_ORIGINS`) */
	allowedOrigins: string[];
	/** the LLM proxy (`LLM_*` variables, server/llm/config.ts) */
	llm: LlmConfig;
}

export interface RelayDeps {
	store: RoomStore;
	/** survey-platform connectors (`/connectors`); absent: not mounted */
	connectors?: { config: ConnectorsConfig; log: SyncLogStore; fetch?: typeof fetch; sleep?: (ms: number) => Promise<void> };
	/** webhooks (`/hooks`, `POST /events`); the routes are absent without it */
	hooks?: HookService;
	/** client logs, request log and alerts (SPEC §6 Logs); in memory when absent */
	monitoring?: MonitoringDeps;
	/** clock in milliseconds */
	now?: () => number;
	log?: (line: string) => void;
	onError?: (error: unknown) => void;
	/** what the LLM proxy calls upstream with; global fetch by default */
	fetch?: typeof fetch;
}

const DAY = 24 * 60 * 60;

export const DEFAULT_CONFIG: Omit<RelayConfig, 'secret' | 'version' | 'staticDir' | 'adminToken'> = {
	tokenTtlSeconds: DAY,
	maxTokenTtlSeconds: 7 * DAY,
	memberRenewSeconds: 30 * DAY,
	maxRoomBytes: 16 * 1024 * 1024,
	maxMessageBytes: 16 * 1024 * 1024 + 64 * 1024,
	compactEvery: 500,
	idleUnloadMs: 30_000,
	createRoomsPerMinute: 60,
	openRooms: true,
	roomProofBits: 18,
	maxConnectionsPerAddress: 64,
	connection: DEFAULT_CONNECTION_LIMITS,
	allowedOrigins: [],
	llm: DEFAULT_LLM_CONFIG
};
