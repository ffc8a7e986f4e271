export interface SlidingWindow {
	/** Counts one request for `key`: null when allowed, else the seconds until one is. */
	take(key: string): number | null;
}

/**
 * At most `limit` requests per key in any `windowMs`, unlike the fixed window of
 * `middleware/rate-limit.ts`, which lets twice the limit through across a window edge.
 */
export function createSlidingWindow({
	limit,
	windowMs,
	now = Date.now
}: {
	limit: number;
	windowMs: number;
	now?: () => number;
}): SlidingWindow {
	const hits = new Map<string, number[]>();
	return {
		take(key) {
			const t = now();
			const kept = (hits.get(key) ?? []).filter((at) => t - at < windowMs);
			if (kept.length >= limit) {
				hits.set(key, kept);
				return Math.max(1, Math.ceil((kept[0]! + windowMs - t) / 1000));
			}
			kept.push(t);
			hits.set(key, kept);
			if (hits.size > 10_000) for (const [k, v] of hits) if (v.every((at) => t - at >= windowMs)) hits.delete(k);
			return null;
		}
	};
}
