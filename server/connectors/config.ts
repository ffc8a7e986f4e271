import { DEFAULT_RETRY, type RetryPolicy } from './retry';

/** How the relay runs connectors; from the environment in `server/index.ts`. */
export interface ConnectorsConfig {
	retry: RetryPolicy;
	/** per platform request */
	timeoutMs: number;
	/** submissions per page */
	pageSize: number;
	/** private addresses (IPs or CIDRs) the relay may pull from, e.g. an ODK Central on the office network */
	allow: string[];
}

export const DEFAULT_CONNECTORS_CONFIG: ConnectorsConfig = { retry: DEFAULT_RETRY, timeoutMs: 60_000, pageSize: 1000, allow: [] };

/** `RELAY_CONNECTORS_RETRIES`, `RELAY_CONNECTORS_TIMEOUT_MS`, `RELAY_CONNECTORS_PAGE_SIZE`, `RELAY_CONNECTORS_ALLOW` (comma-separated). */
export function connectorsConfigFromEnv(env: Record<string, string | undefined>): ConnectorsConfig {
	const int = (name: string, fallback: number, min: number) => {
		const raw = env[name];
		if (raw === undefined || raw === '') return fallback;
		const n = Number(raw);
		if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, got ${raw}`);
		return n;
	};
	const d = DEFAULT_CONNECTORS_CONFIG;
	return {
		retry: { ...d.retry, maxRetries: int('RELAY_CONNECTORS_RETRIES', d.retry.maxRetries, 0) },
		timeoutMs: int('RELAY_CONNECTORS_TIMEOUT_MS', d.timeoutMs, 1000),
		pageSize: int('RELAY_CONNECTORS_PAGE_SIZE', d.pageSize, 1),
		allow: (env.RELAY_CONNECTORS_ALLOW ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean)
	};
}
