import { randomBytes } from 'node:crypto';
import { TRACEPARENT_RE } from '../protocol/logs';

/** The trace id of a valid W3C `traceparent` (not version ff, no all-zero ids), else null. */
export function traceIdOf(header: string | undefined): string | null {
	const m = header?.trim().match(TRACEPARENT_RE);
	if (!m || m[1] === 'ff' || /^0+$/.test(m[2]!) || /^0+$/.test(m[3]!)) return null;
	return m[2]!;
}

/** A fresh 32-hex trace id for a request that came without one. */
export const newTraceId = (): string => randomBytes(16).toString('hex');

/** A `traceparent` for the relay's own span of a trace. */
export const relaySpan = (trace: string): string => `00-${trace}-${randomBytes(8).toString('hex')}-01`;
