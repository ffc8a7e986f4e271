import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createRedactor } from '../../app/lib/text/pii/redact';
import type { TokenSigner } from '../rooms/tokens';
import { memberAuth, type LlmAuthEnv } from './auth';
import type { LlmConfig } from './config';
import { mapText, parseChatRequest } from './request';
import { sanitiseUpstreamError } from './sanitise';
import { createSlidingWindow } from './sliding-window';

export interface LlmRoutesOptions {
	config: LlmConfig;
	tokens: TokenSigner;
	isRevoked: (room: string, member: string) => Promise<boolean>;
	/** upstream fetch; injectable for tests */
	fetch?: typeof fetch;
	now: () => number;
	/** one line per request: status, model, timing and redaction counts, never text or the key */
	log: (line: string) => void;
}

const NOT_CONFIGURED =
	'No LLM is configured on this relay: set LLM_BASE_URL (and LLM_API_KEY if the server needs one) and restart it. Sieve works without an LLM.';

/** `POST /llm/chat` (mounted under `/llm`): redacts, checks and forwards a chat-completions request. */
export function createLlmRoutes({ config, tokens, isRevoked, fetch: upstreamFetch = fetch, now, log }: LlmRoutesOptions) {
	const routes = new Hono<LlmAuthEnv>();
	const window = createSlidingWindow({ limit: config.ratePerMinute, windowMs: 60_000, now });
	const limitBody = bodyLimit({
		maxSize: config.maxBodyBytes,
		onError: (c) => c.json({ error: `request body over ${config.maxBodyBytes} bytes` }, 413)
	});

	routes.post('/chat', memberAuth(tokens, isRevoked), limitBody, async (c) => {
		if (!config.baseUrl) return c.json({ error: NOT_CONFIGURED }, 503);
		const retryAfter = window.take(c.var.grant.jti);
		if (retryAfter !== null) {
			c.header('Retry-After', String(retryAfter));
			return c.json({ error: `too many LLM requests: at most ${config.ratePerMinute} a minute; retry in ${retryAfter} s` }, 429);
		}
		const parsed = parseChatRequest(await c.req.json().catch(() => null), config);
		if (!parsed.ok) return c.json({ error: parsed.error }, 400);
		const redactor = createRedactor();
		const body = { ...parsed.body, messages: mapText(parsed.body.messages, redactor.redact) };
		const started = now();
		const done = (status: number) =>
			log(
				`llm chat ${status} model=${body.model} stream=${body.stream} ms=${now() - started} redacted=${JSON.stringify(redactor.counts())}`
			);

		let upstream: Response;
		try {
			upstream = await upstreamFetch(`${config.baseUrl}/chat/completions`, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: body.stream ? 'text/event-stream' : 'application/json',
					...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {})
				},
				body: JSON.stringify(body),
				signal: AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(config.timeoutMs)])
			});
		} catch (error) {
			const timeout = (error as Error).name === 'TimeoutError';
			done(timeout ? 504 : 502);
			return c.json({ error: timeout ? 'the LLM did not answer in time' : 'the LLM server could not be reached' }, timeout ? 504 : 502);
		}
		done(upstream.status);
		if (!upstream.ok) {
			const text = await upstream.text().catch(() => '');
			return c.json(sanitiseUpstreamError(text, config.apiKey) as object, upstream.status as 400);
		}
		const type = upstream.headers.get('content-type') ?? (body.stream ? 'text/event-stream' : 'application/json');
		return new Response(upstream.body, {
			status: upstream.status,
			headers: { 'content-type': type, 'cache-control': 'no-cache', 'x-accel-buffering': 'no' }
		});
	});

	return routes;
}
