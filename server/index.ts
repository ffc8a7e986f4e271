import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { createApp } from './app';
import { DEFAULT_CONFIG, type RelayConfig } from './config';
import { connectorsConfigFromEnv } from './connectors/config';
import { createSqliteSyncLog } from './connectors/sync-log';
import { hooksConfigFromEnv } from './hooks/config';
import { createHookService } from './hooks/service';
import { createSqliteHookStore } from './hooks/store';
import { logsConfigFromEnv } from './logs/config';
import { llmConfigFromEnv } from './llm/config';
import { createSqliteRoomStore } from './store/sqlite';

const env = process.env;
const port = intFromEnv('PORT', 8787);
const host = env.HOST || '0.0.0.0';
const dataDir = path.resolve(env.DATA_DIR || './data');
const staticDir = path.resolve(env.STATIC_DIR || './build');
mkdirSync(dataDir, { recursive: true });

const maxRoomBytes = intFromEnv('MAX_ROOM_BYTES', DEFAULT_CONFIG.maxRoomBytes);
const admin = env.RELAY_ADMIN_TOKEN
	? { value: env.RELAY_ADMIN_TOKEN, created: false }
	: loadOrCreateSecret(path.join(dataDir, 'admin-token'));
const config: RelayConfig = {
	...DEFAULT_CONFIG,
	version: readVersion(),
	staticDir,
	secret: env.RELAY_SECRET || loadOrCreateSecret(path.join(dataDir, 'secret')).value,
	adminToken: admin.value,
	maxRoomBytes,
	maxMessageBytes: maxRoomBytes + 64 * 1024,
	openRooms: env.RELAY_OPEN_ROOMS !== '0',
	roomProofBits: intFromEnv('RELAY_ROOM_POW_BITS', DEFAULT_CONFIG.roomProofBits),
	maxConnectionsPerAddress: intFromEnv('RELAY_MAX_CONNECTIONS_PER_ADDRESS', DEFAULT_CONFIG.maxConnectionsPerAddress),
	publicUrl: env.RELAY_PUBLIC_URL || undefined,
	allowedOrigins: (env.RELAY_ALLOWED_ORIGINS ?? '')
		.split(',')
		.map((o) => o.trim())
		.filter(Boolean),
	llm: llmConfigFromEnv(env)
};

const store = createSqliteRoomStore({ file: path.join(dataDir, 'relay.sqlite') });
const monitoringDb = new Database(path.join(dataDir, 'relay.sqlite'));
const connectorLog = createSqliteSyncLog({ file: path.join(dataDir, 'relay.sqlite') });
const hookStore = createSqliteHookStore({ file: path.join(dataDir, 'relay.sqlite') });
const hooks = createHookService({
	store: hookStore,
	config: hooksConfigFromEnv(env),
	// every attempt that did not deliver feeds the alert rules' `hooks.failed` metric
	onAttempt: (_hook, attempt) => {
		if (attempt.state !== 'delivered') relay.monitoring.count('hooks.failed');
	}
});
const relay = createApp(config, {
	store,
	hooks,
	connectors: { config: connectorsConfigFromEnv(env), log: connectorLog },
	monitoring: {
		db: monitoringDb,
		config: logsConfigFromEnv(env, intFromEnv),
		notify: (hookId, event) => hooks.deliverToHook(hookId, event),
		hookExists: (id) => hookStore.getHook(id)?.room === null
	}
});
relay.monitoring.retain();
relay.monitoring.start();
hooks.start();
const server = serve({ fetch: relay.app.fetch, port, hostname: host }, (info) => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const build = existsSync(path.join(staticDir, '200.html')) ? '' : ` (no app build in ${staticDir}: run npm run build)`;
	console.log(`Sieve relay ${config.version} on http://${shown}:${info.port}, data in ${dataDir}${build}`);
	if (admin.created) console.log(`Admin token (shown once, kept in ${path.join(dataDir, 'admin-token')}): ${admin.value}`);
});
relay.injectWebSocket(server);

let stopping = false;
const stop = async (signal: string) => {
	if (stopping) process.exit(1);
	stopping = true;
	console.log(`${signal}: persisting rooms and stopping`);
	server.close();
	try {
		await relay.close();
		await hooks.stop();
		hookStore.close();
		await store.close();
		connectorLog.close();
		monitoringDb.close();
		process.exit(0);
	} catch (error) {
		console.error(error);
		process.exit(1);
	}
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

function intFromEnv(name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
	return value;
}

function loadOrCreateSecret(file: string): { value: string; created: boolean } {
	let created = false;
	if (!existsSync(file)) {
		try {
			writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
			created = true;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
	}
	return { value: readFileSync(file, 'utf8').trim(), created };
}

function readVersion(): string {
	const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
	return pkg.version ?? '0.0.0';
}
