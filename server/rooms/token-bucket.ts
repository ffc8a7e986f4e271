export interface TokenBucket {
	/** Takes one token if there is one. */
	take(): boolean;
}

/**
 * `burst` tokens, refilled at `perSecond`.
 *
 * @example
 * const bucket = createTokenBucket({ perSecond: 10, burst: 20 });
 * if (!bucket.take()) return; // over the rate: drop
 */
export function createTokenBucket({
	perSecond,
	burst,
	now = Date.now
}: {
	perSecond: number;
	burst: number;
	now?: () => number;
}): TokenBucket {
	let tokens = burst;
	let at = now();
	return {
		take() {
			const t = now();
			tokens = Math.min(burst, tokens + ((t - at) / 1000) * perSecond);
			at = t;
			if (tokens < 1) return false;
			tokens -= 1;
			return true;
		}
	};
}
