/** The logs service's settings (`RELAY_LOGS_*`), read from the environment in `server/index.ts` only. */
export interface LogsConfig {
	/** entries below error level are kept this long */
	retentionDays: number;
	/** error entries and error groups are kept this long */
	errorRetentionDays: number;
	/** the relay's own request log is kept this long */
	requestRetentionDays: number;
	/** expired entries are written here as gzipped JSON lines before deletion; none: deleted only */
	archiveDir?: string;
	/** requests slower than this count as slow */
	slowMs: number;
	/** `POST /logs` per room token and minute (a tab ships every 5 s) */
	postsPerMinute: number;
}

export const DEFAULT_LOGS_CONFIG: LogsConfig = {
	retentionDays: 90,
	errorRetentionDays: 365,
	requestRetentionDays: 90,
	slowMs: 1000,
	postsPerMinute: 240
};

/** `RELAY_LOGS_RETENTION_DAYS`, `RELAY_LOGS_ERROR_RETENTION_DAYS`, `RELAY_LOGS_REQUEST_RETENTION_DAYS`, `RELAY_LOGS_ARCHIVE_DIR`, `RELAY_LOGS_POSTS_PER_MINUTE`. */
export function logsConfigFromEnv(
	env: Record<string, string | undefined>,
	intFromEnv: (name: string, fallback: number) => number
): LogsConfig {
	return {
		retentionDays: intFromEnv('RELAY_LOGS_RETENTION_DAYS', DEFAULT_LOGS_CONFIG.retentionDays),
		errorRetentionDays: intFromEnv('RELAY_LOGS_ERROR_RETENTION_DAYS', DEFAULT_LOGS_CONFIG.errorRetentionDays),
		requestRetentionDays: intFromEnv('RELAY_LOGS_REQUEST_RETENTION_DAYS', DEFAULT_LOGS_CONFIG.requestRetentionDays),
		archiveDir: env.RELAY_LOGS_ARCHIVE_DIR || undefined,
		slowMs: DEFAULT_LOGS_CONFIG.slowMs,
		postsPerMinute: intFromEnv('RELAY_LOGS_POSTS_PER_MINUTE', DEFAULT_LOGS_CONFIG.postsPerMinute)
	};
}
