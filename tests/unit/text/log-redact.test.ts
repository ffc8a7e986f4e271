import { describe, expect, it } from 'vitest';
import { REDACTED, redactContext, redactText } from '../../../app/lib/text/log-redact';

describe('log redaction', () => {
	it('masks e-mails, Luhn-valid cards and IBANs in text, and keeps numbers that are none of these', () => {
		const text = 'user ana.lópez@uni-köln.de paid 4111 1111 1111 1111 from DE89 3704 0044 0532 0130 00; 1234 5678 9012 3456 rows 1000000';
		expect(redactText(text)).toBe('user [EMAIL] paid [CARD] from [IBAN]; 1234 5678 9012 3456 rows 1000000');
	});

	it('replaces values under secret keys at any depth and redacts nested strings', () => {
		const out = redactContext({
			password: 'hunter2',
			headers: { Authorization: 'Bearer abc', 'x-api-key': 'k', accept: 'json' },
			relayToken: 'eyJ...',
			api_key: 'sk-1',
			client_secret: 's',
			list: ['mail me at jo@example.com', 3],
			checks: 27,
			ok: true,
			big: 12n
		});
		expect(out).toEqual({
			password: REDACTED,
			headers: { Authorization: REDACTED, 'x-api-key': REDACTED, accept: 'json' },
			relayToken: REDACTED,
			api_key: REDACTED,
			client_secret: REDACTED,
			list: ['mail me at [EMAIL]', 3],
			checks: 27,
			ok: true,
			big: 12
		});
	});

	it('cuts long texts and deep nesting', () => {
		expect(redactText('x'.repeat(10_000)).length).toBe(4001);
		const deep = { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } };
		expect(JSON.stringify(redactContext(deep))).toBe('{"a":{"b":{"c":{"d":{"e":{"f":"[…]"}}}}}}');
	});
});
