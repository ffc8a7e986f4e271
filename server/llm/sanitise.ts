const MAX_ERROR_CHARS = 2000;

/**
 * An upstream error body made safe to return: the API key and any bearer credential replaced,
 * cut to a readable length, always JSON.
 */
export function sanitiseUpstreamError(text: string, apiKey: string | undefined): unknown {
	let safe = apiKey ? text.split(apiKey).join('[redacted]') : text;
	safe = safe.replace(/(bearer\s+)[^\s"',]+/gi, '$1[redacted]').replace(/\bsk-[A-Za-z0-9_-]{8,}/g, '[redacted]');
	if (safe.length > MAX_ERROR_CHARS) safe = `${safe.slice(0, MAX_ERROR_CHARS)}…`;
	try {
		return JSON.parse(safe) as unknown;
	} catch {
		return { error: safe };
	}
}
