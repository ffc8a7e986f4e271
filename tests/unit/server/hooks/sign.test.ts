import { afterEach, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { newMessageId, newSecret, signatureHeaders } from '../../../../server/hooks/sign';

// The test vector of the Standard Webhooks specification (spec/standard-webhooks.md, "Signature scheme").
const VECTOR = {
	secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
	id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
	timestamp: 1614265330,
	body: '{"test": 2432232314}',
	signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='
};

describe('signatureHeaders', () => {
	afterEach(() => vi.useRealTimers());

	it('reproduces the official test vector', () => {
		const headers = signatureHeaders(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body);
		expect(headers).toEqual({ 'webhook-id': VECTOR.id, 'webhook-timestamp': '1614265330', 'webhook-signature': VECTOR.signature });
	});

	it('is accepted by the reference verifier (standardwebhooks), and a changed body is not', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(VECTOR.timestamp * 1000 + 10_000);
		const headers = signatureHeaders(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body);
		expect(new Webhook(VECTOR.secret).verify(VECTOR.body, { ...headers })).toEqual({ test: 2432232314 });
		expect(() => new Webhook(VECTOR.secret).verify('{"test": 2432232315}', { ...headers })).toThrow(/signature/i);
	});

	it('makes fresh secrets and ids the reference library accepts', () => {
		const secret = newSecret();
		expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
		expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
		const id = newMessageId();
		expect(id).not.toBe(newMessageId());
		const body = JSON.stringify({ type: 'hook.test', data: { n: 1 } });
		const now = Math.floor(Date.now() / 1000);
		expect(new Webhook(secret).verify(body, { ...signatureHeaders(secret, id, now, body) })).toEqual({ type: 'hook.test', data: { n: 1 } });
		expect(new Webhook(secret).sign(id, new Date(now * 1000), body)).toBe(signatureHeaders(secret, id, now, body)['webhook-signature']);
	});
});
