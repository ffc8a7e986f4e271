import { describe, expect, it } from 'vitest';
import { createRedactor, restorePlaceholders } from '../../../../app/lib/text/pii';

describe('createRedactor', () => {
	it('numbers values per kind across texts, the same value keeping its placeholder', () => {
		const r = createRedactor();
		expect(r.redact('Write to ann@example.com or bob@example.org')).toBe('Write to [EMAIL_1] or [EMAIL_2]');
		expect(r.redact('ann@example.com paid with IBAN DE89 3704 0044 0532 0130 00')).toBe('[EMAIL_1] paid with IBAN [IBAN_1]');
		expect(r.counts()).toEqual({ email: 2, iban: 1 });
		expect([...r.map]).toEqual([
			['[EMAIL_1]', 'ann@example.com'],
			['[EMAIL_2]', 'bob@example.org'],
			['[IBAN_1]', 'DE89 3704 0044 0532 0130 00']
		]);
	});

	it('continues after placeholders already in the text and leaves them alone', () => {
		const r = createRedactor();
		expect(r.redact('[EMAIL_3] forwarded from cy@example.net')).toBe('[EMAIL_3] forwarded from [EMAIL_4]');
		expect(r.map.has('[EMAIL_3]')).toBe(false);
	});

	it('restores known placeholders, also when the answer reorders them, and keeps unknown ones', () => {
		const r = createRedactor();
		const sent = r.redact('Mein Name ist Ingeborg Wendt, Telefon 030 12345678');
		expect(sent).toBe('Mein Name ist [NAME_1], Telefon [PHONE_1]');
		const answer = 'Call [PHONE_1] and ask for [NAME_1]; [CARD_9] is not ours.';
		expect(restorePlaceholders(answer, r.map)).toBe('Call 030 12345678 and ask for Ingeborg Wendt; [CARD_9] is not ours.');
	});

	it('leaves text without personal data unchanged', () => {
		const r = createRedactor();
		const text = 'Waited 25 minutes, paid 12.50 EUR on 3.4.2024; app version 2.10.3 crashed.';
		expect(r.redact(text)).toBe(text);
		expect(r.map.size).toBe(0);
	});
});
