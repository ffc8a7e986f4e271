import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A failure the stand-in answers instead of the next matching request. */
export type Fault = { status: number; retryAfter?: string; body?: string } | { malformed: true };

export interface StandIn {
	url: string;
	/** every request as `METHOD path?query` */
	requests: string[];
	/** failures for the next requests whose path matches `on`, in order */
	fail(on: RegExp, ...faults: Fault[]): void;
	close(): Promise<void>;
}

export type Handler = (
	req: IncomingMessage,
	url: URL,
	body: string
) => { status?: number; json?: unknown; text?: string } | Promise<{ status?: number; json?: unknown; text?: string }>;

/**
 * A small node:http server on 127.0.0.1 that follows one platform's documented API, for
 * connector tests; faults (429 with Retry-After, 500, malformed pages) are injected per path.
 */
export async function startStandIn(handle: Handler): Promise<StandIn> {
	const requests: string[] = [];
	const faults: { on: RegExp; fault: Fault }[] = [];
	const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		requests.push(`${req.method} ${url.pathname}${url.search}`);
		let body = '';
		for await (const chunk of req) body += chunk;
		const i = faults.findIndex((f) => f.on.test(url.pathname));
		if (i >= 0) {
			const [{ fault }] = faults.splice(i, 1);
			if ('malformed' in fault) {
				res.writeHead(200, { 'content-type': 'application/json' }).end('<html><body>Bad gateway</body></html>');
				return;
			}
			res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}) });
			res.end(fault.body ?? JSON.stringify({ detail: `stand-in fault ${fault.status}` }));
			return;
		}
		try {
			const out = await handle(req, url, body);
			const status = out.status ?? 200;
			if (out.text !== undefined) res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(out.text);
			else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(out.json ?? null));
		} catch (error) {
			res.writeHead(500).end(String(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		fail: (on, ...list) => faults.push(...list.map((fault) => ({ on, fault }))),
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

export function bearerOf(req: IncomingMessage, scheme: string): string | null {
	const m = (req.headers.authorization ?? '').match(new RegExp(`^${scheme}\\s+(\\S+)$`, 'i'));
	return m?.[1] ?? null;
}
