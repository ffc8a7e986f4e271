import { describe, expect, it } from 'vitest';
import { CATEGORY_RULES, type Category } from '../../../../app/lib/audit/classify/categories';
import model from '../../../../app/lib/audit/classify/category-model.json';
import { classifyEvent, REVIEW_BELOW } from '../../../../app/lib/audit/classify/classify';
import { predictCategory } from '../../../../app/lib/audit/classify/model';
import { trainCategoryModel } from '../../../../app/lib/audit/classify/train';
import type { AuditEvent } from '../../../../app/lib/audit/events';

const ev = (type: string, payload: AuditEvent['payload']) => ({ type, payload });

describe('classifyEvent', () => {
	it('places every event type this version writes by rule, with its rule risk', () => {
		for (const [type, category] of Object.entries(CATEGORY_RULES)) {
			expect(classifyEvent(ev(type, {}))).toMatchObject({ category, confidence: 1, source: 'rule', review: false });
		}
		const bulk = classifyEvent(
			ev('decision', { action: 'exclude', respondents: Array.from({ length: 25 }, (_, i) => i), reason: 'speeder' })
		);
		expect(bulk).toMatchObject({ category: 'data-change', risk: 'high', reasons: ['bulk exclusion of 25 respondents (20 or more)'] });
	});

	it('places event types it never saw by their payload, sure when the payload looks familiar', () => {
		const cases: [string, AuditEvent['payload'], string][] = [
			['bulk-exclusion', { action: 'exclude', respondents: ['NG-1'], reason: 'too fast' }, 'data-change'],
			['data-download', { format: 'csv', file: 'wave2.csv', rows: 10, identifying: ['email'] }, 'export'],
			['threshold-change', { key: 'checks.speeders.fraction', before: 0.3, after: 0.2 }, 'configuration'],
			['log-opened', { view: 'timeline', ok: true }, 'access'],
			['reply', { id: 'c-9', text: 'Looks fine to me', respondent: 'NG-2' }, 'collaboration']
		];
		for (const [type, payload, category] of cases) {
			const c = classifyEvent(ev(type, payload));
			expect(c, type).toMatchObject({ category, source: 'model', review: false });
			expect(c.confidence, type).toBeGreaterThanOrEqual(REVIEW_BELOW);
		}
		expect(classifyEvent(ev('data-download', { format: 'csv', identifying: ['email'] }))).toMatchObject({
			risk: 'high',
			reasons: ['unknown event type data-download: looks like export (100% sure)', 'carries identifying variables']
		});
	});

	it('marks an unfamiliar payload for review with low confidence, at least medium risk', () => {
		for (const [type, payload] of [
			['webhook-sent', { url: 'https://example.org/hook', status: 200 }],
			['mystery', {}],
			['retention-sweep', { from: 0, to: 99, file: 'old.json', sha256: 'ab' }]
		] as const) {
			const c = classifyEvent(ev(type, payload));
			expect(c.review, type).toBe(true);
			expect(c.confidence, type).toBeLessThan(REVIEW_BELOW);
			expect(c.risk, type).toBe('medium');
			expect(c.reasons[0]).toMatch(/marked for review$/);
		}
	});

	it('ships a model that was measured on held-out simulated logs', () => {
		expect(model.metrics.accuracyTypeHidden).toBeGreaterThanOrEqual(0.95);
		expect(Object.keys(model.tokens).length).toBeLessThan(2000);
	});
});

describe('trainCategoryModel', () => {
	it('learns which tokens point to which class, and ignores rare tokens', () => {
		const five = (tokens: string[], label: Category) => Array.from({ length: 5 }, () => ({ tokens, label }));
		const samples = [
			...five(['key:format', 'w:csv'], 'export'),
			...five(['key:text'], 'collaboration'),
			...five(['key:action'], 'data-change'),
			...five(['key:key'], 'configuration'),
			...five(['key:view'], 'access'),
			{ tokens: ['key:rare'], label: 'access' as const }
		];
		const m = trainCategoryModel(samples);
		expect(m.tokens['key:rare']).toBeUndefined();
		const { p, coverage } = predictCategory(m, ['key:format', 'w:csv'], true);
		// Laplace smoothing (alpha 1): (6/7)² for export against (1/7)² for three classes of 5 and (1/8)² for access (6 samples).
		const share = (6 / 7) ** 2 / ((6 / 7) ** 2 + 3 * (1 / 7) ** 2 + (1 / 8) ** 2);
		expect(p.export).toBeCloseTo(share, 2);
		expect(coverage).toBe(1);
		expect(predictCategory(m, ['key:unknown', 'key:text'], true)).toMatchObject({ coverage: 0.5 });
	});
});
