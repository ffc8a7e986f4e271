import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** A new signing secret: `whsec_` + base64 of 32 random bytes (Standard Webhooks). */
export const newSecret = () => SECRET_PREFIX + randomBytes(32).toString('base64');

/** A new message id (`webhook-id`), stable across the retries of one message. */
export const newMessageId = () => `msg_${randomBytes(16).toString('base64url')}`;

/** The three Standard Webhooks headers of one delivery. */
export interface SignatureHeaders {
	'webhook-id': string;
	'webhook-timestamp': string;
	'webhook-signature': string;
}

/**
 * Signs `body` as Standard Webhooks does: HMAC-SHA256 over `id.timestamp.body`, keyed with the
 * base64-decoded secret, sent as `v1,<base64>`.
 *
 * @param timestamp seconds since the epoch
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
 */
export function signatureHeaders(secret: string, id: string, timestamp: number, body: string): SignatureHeaders {
	const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
	const mac = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
	return { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1,${mac}` };
}
