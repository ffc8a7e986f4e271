import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { hostOf, refuseAddress, refuseHostName, systemResolve, type TargetPolicy } from './ssrf';

/** What one POST got back: a status, or an error when no response arrived. */
export interface AttemptResult {
	status: number | null;
	/** the `Retry-After` header, raw */
	retryAfter?: string;
	error?: string;
	/** the target's address is not one the relay may connect to */
	refused?: boolean;
}

export type Transport = (url: string, headers: Record<string, string>, body: string) => Promise<AttemptResult>;

/** Response bytes read before the socket is dropped: the receiver's answer body is not used. */
const MAX_RESPONSE_BYTES = 64 * 1024;

class RefusedTarget extends Error {}

/**
 * Posts with node:http(s), checking every address at connect time: the host is resolved once
 * and the socket goes to that checked address (no second lookup for DNS rebinding to exploit).
 * Redirects are never followed; their status is the result.
 *
 * @example
 * const post = createTransport({ allow, timeoutMs: 15_000 });
 * await post('https://hooks.example.com/x', headers, body); // { status: 204 }
 */
export function createTransport(policy: TargetPolicy & { timeoutMs: number }): Transport {
	const resolve = policy.resolve ?? systemResolve;
	const lookup: LookupFunction = (hostname, options, callback) => {
		const local = refuseHostName(hostname);
		if (local) return callback(new RefusedTarget(`refused at connect time: ${local}`), '', 4);
		resolve(hostname).then(
			(addresses) => {
				const why =
					addresses.length === 0 ? `${hostname} does not resolve` : addresses.map((a) => refuseAddress(a, policy.allow)).find(Boolean);
				if (why) return callback(new RefusedTarget(`refused at connect time: ${why}`), '', 4);
				const family = (a: string) => isIP(a);
				if (options.all) return callback(null, addresses.map((address) => ({ address, family: family(address) })) as never);
				const first = addresses[0] as string;
				callback(null, first, family(first));
			},
			(error: Error) => callback(Object.assign(error, { message: `${hostname} does not resolve` }), '', 4)
		);
	};

	return (url, headers, body) =>
		new Promise<AttemptResult>((done) => {
			const target = new URL(url);
			const host = hostOf(target);
			if (isIP(host)) {
				const why = refuseAddress(host, policy.allow);
				if (why) return done({ status: null, error: `refused at connect time: ${why}`, refused: true });
			}
			const options: RequestOptions = {
				method: 'POST',
				headers: {
					...headers,
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					'user-agent': 'Sieve-Relay-Webhooks'
				},
				lookup,
				timeout: policy.timeoutMs,
				agent: false
			};
			const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, options, (res) => {
				let read = 0;
				res.on('data', (chunk: Buffer) => {
					read += chunk.length;
					if (read > MAX_RESPONSE_BYTES) res.destroy();
				});
				res.on('close', () => {
					const retryAfter = res.headers['retry-after'];
					const redirect = res.statusCode !== undefined && res.statusCode >= 300 && res.statusCode < 400;
					done({
						status: res.statusCode ?? null,
						...(retryAfter ? { retryAfter } : {}),
						...(redirect ? { error: `redirect to ${res.headers.location ?? '(no location)'} not followed` } : {})
					});
				});
			});
			const deadline = setTimeout(() => req.destroy(new Error(`no response within ${policy.timeoutMs / 1000} s`)), policy.timeoutMs);
			req.on('timeout', () => req.destroy(new Error(`no response within ${policy.timeoutMs / 1000} s`)));
			req.on('error', (error) =>
				done({ status: null, error: error.message, ...(error instanceof RefusedTarget ? { refused: true } : {}) })
			);
			req.on('close', () => clearTimeout(deadline));
			req.end(body);
		});
}
