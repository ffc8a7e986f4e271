import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../app/lib/demo/rng';
import { proseIn } from '../../../../app/lib/demo/prose';
import { detectPii, maskPii, maskValue, PII_KINDS, type PiiKind } from '../../../../app/lib/text/pii';
import { nearMisses, plantedPii } from './planted';

const PLANTED = plantedPii(16, 120);

function score() {
	const found = new Map<PiiKind, number>();
	const total = new Map<PiiKind, number>();
	const falseAlarms: string[] = [];
	for (const p of PLANTED) {
		const ms = detectPii(p.text);
		const spans = p.truth.map((t) => ({ ...t, start: p.text.indexOf(t.value), end: p.text.indexOf(t.value) + t.value.length }));
		for (const t of spans) {
			total.set(t.kind, (total.get(t.kind) ?? 0) + 1);
			if (ms.some((m) => m.kind === t.kind && m.start < t.end && t.start < m.end)) found.set(t.kind, (found.get(t.kind) ?? 0) + 1);
		}
		for (const m of ms)
			if (!spans.some((t) => m.start < t.end && t.start < m.end)) falseAlarms.push(`${m.kind}: ${p.text.slice(m.start, m.end)}`);
	}
	const recall = Object.fromEntries(PII_KINDS.map((k) => [k, (found.get(k) ?? 0) / (total.get(k) ?? 1)]));
	return { recall, falseAlarms };
}

describe('detectPii on the planted test set (120 per kind, 9 languages)', () => {
	const { recall, falseAlarms } = score();
	it('recalls checksum and pattern kinds ≥ 0.99 and names ≥ 0.85', () => {
		console.info('pii recall', recall, 'false alarms', falseAlarms);
		for (const k of PII_KINDS) expect(recall[k], k).toBeGreaterThanOrEqual(k === 'name' ? 0.85 : 0.99);
		expect(falseAlarms.length).toBeLessThanOrEqual(PLANTED.length * 0.01);
	});

	it('tells the kind of each value', () => {
		expect(detectPii('IBAN DE89 3704 0044 0532 0130 00').map((m) => m.detail)).toEqual(['iban DE']);
		expect(detectPii('card 4111 1111 1111 1111').map((m) => m.detail)).toEqual(['card visa']);
		expect(detectPii('BSN 111222333').map((m) => m.detail)).toEqual(['id nl-bsn']);
		expect(detectPii('from 192.168.0.1').map((m) => m.kind)).toEqual(['ip']);
		expect(detectPii('mail a.b@c.de or visit www.c.de').map((m) => m.kind)).toEqual(['email', 'url']);
	});

	it('ignores wrong checksums, prices, dates and version numbers', () => {
		const hits = nearMisses(3, 50).flatMap((t) => detectPii(t).map((m) => `${m.kind}: ${t}`));
		expect(hits).toEqual([]);
	});

	it('flags few clean prose answers (false alarms listed)', () => {
		const r = createRng(11);
		const langs = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'tr'];
		const texts = Array.from({ length: 4500 }, (_, i) => proseIn(r, langs[i % 9], r.normal()));
		const flagged = texts.flatMap((t) => detectPii(t).map((m) => `${m.kind}: ${t.slice(m.start, m.end)}`));
		console.info(`pii false alarms on clean prose: ${flagged.length} / ${texts.length}`, flagged.slice(0, 20));
		expect(flagged.length / texts.length).toBeLessThanOrEqual(0.005);
	});
});

describe('maskPii and maskValue', () => {
	it('replaces personal data with typed placeholders, numbered per distinct value when asked', () => {
		const t = 'Write to jo@example.com or jo@example.com, call +49 30 12345678, ask for Maria Schneider.';
		expect(maskPii(t)).toBe('Write to [EMAIL] or [EMAIL], call [PHONE], ask for [NAME].');
		expect(maskPii(t, { numbered: true })).toBe('Write to [EMAIL_1] or [EMAIL_1], call [PHONE_1], ask for [NAME_1].');
		expect(maskPii('nothing personal here')).toBe('nothing personal here');
	});

	it('never shows a value in full', () => {
		expect(maskValue('email', 'john.doe@example.com')).toBe('j***@e***.com');
		expect(maskValue('phone', '+49 30 12345678')).toBe('••••••••••78');
		expect(maskValue('name', 'Maria Schneider')).toBe('M*** S***');
		expect(maskValue('iban', 'DE89 3704 0044 0532 0130 00')).toBe('••••••••••••••••••••00');
	});
});
