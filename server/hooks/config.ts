import type { BlockList } from 'node:net';
import { STANDARD_SCHEDULE } from './schedule';
import { parseAllowList } from './ssrf';

/** How the relay delivers webhooks; built from the environment by {@link hooksConfigFromEnv}. */
export interface HooksConfig {
	/** delays in seconds before attempt 1, 2, … (`RELAY_HOOKS_SCHEDULE`, else Standard Webhooks') */
	schedule: readonly number[];
	/** private addresses and networks hooks may target anyway (`RELAY_HOOKS_ALLOW`) */
	allow: BlockList;
	/** a delivery attempt is abandoned after this long */
	timeoutMs: number;
	/** attempts in flight at once */
	concurrency: number;
	/** hooks per room */
	maxHooksPerRoom: number;
}

export const DEFAULT_HOOKS_CONFIG: Omit<HooksConfig, 'allow'> = {
	schedule: STANDARD_SCHEDULE,
	timeoutMs: 15_000,
	concurrency: 8,
	maxHooksPerRoom: 20
};

/**
 * Reads `RELAY_HOOKS_ALLOW` (comma-separated IPs or CIDRs) and `RELAY_HOOKS_SCHEDULE`
 * (comma-separated delays in seconds, for tests); a bad value throws naming the variable.
 */
export function hooksConfigFromEnv(env: Record<string, string | undefined>): HooksConfig {
	return { ...DEFAULT_HOOKS_CONFIG, allow: parseAllowList(env.RELAY_HOOKS_ALLOW ?? ''), schedule: parseSchedule(env.RELAY_HOOKS_SCHEDULE) };
}

function parseSchedule(raw: string | undefined): readonly number[] {
	if (raw === undefined || raw.trim() === '') return STANDARD_SCHEDULE;
	const delays = raw.split(',').map((d) => Number(d.trim()));
	if (delays.some((d) => !Number.isFinite(d) || d < 0)) {
		throw new Error(`RELAY_HOOKS_SCHEDULE must be comma-separated non-negative seconds, got ${raw}`);
	}
	return delays;
}
