import type { ErrorResponse, RenewResponse } from '../../../server/protocol/rooms';
import { tracedFetch } from '../monitor/traceparent';

/** Retry delay after a renewal that failed for want of a network. */
export const RENEW_RETRY_MS = 5 * 60_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Milliseconds until a token expiring at `exp` (seconds) should be renewed: at half its remaining life, now once expired. */
export function renewalDelay(exp: number, now = Date.now()): number {
	return Math.min(MAX_TIMER_MS, Math.max(0, (exp * 1000 - now) / 2));
}

/**
 * `POST /rooms/:room/renew`: a fresh token for the same member and role; null when the relay
 * refuses for good (the member was removed, or the token is past its renewal deadline).
 */
export async function renewToken(relayHttp: string, room: string, token: string): Promise<RenewResponse | null> {
	const res = await tracedFetch(`${relayHttp}/rooms/${encodeURIComponent(room)}/renew`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}` }
	});
	if (res.status === 401 || res.status === 403) return null;
	if (!res.ok) {
		const body = (await res.json().catch(() => null)) as ErrorResponse | null;
		throw new Error(`relay: ${body?.error ?? res.statusText} (${res.status})`);
	}
	return (await res.json()) as RenewResponse;
}
