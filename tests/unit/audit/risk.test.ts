import { describe, expect, it } from 'vitest';
import { riskOf } from '../../../app/lib/audit/risk';
import type { AuditEvent } from '../../../app/lib/audit/events';

const ev = (type: string, payload: AuditEvent['payload']) => ({ type, payload });
const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('riskOf', () => {
	it.each([
		['bulk exclusion', ev('decision', { action: 'exclude', respondents: ids(20), reason: 'speeders' }), 'high', /bulk exclusion of 20/],
		['single exclusion', ev('decision', { action: 'exclude', respondents: [4], reason: 'bot' }), 'medium', /excludes 1 respondent$/],
		[
			'value edit',
			ev('decision', { action: 'edit-value', respondents: [4], variable: 'age', value: 34, reason: 'typo' }),
			'medium',
			/edit-value/
		],
		['keep', ev('decision', { action: 'keep', respondents: ids(500), reason: 'fine' }), 'low', null],
		['rule deletion', ev('rule-change', { op: 'delete', rule: 'adult' }), 'high', /deletes rule adult/],
		['rule edit', ev('rule-change', { op: 'edit', rule: 'adult' }), 'medium', /edits rule adult/],
		['identifying export', ev('export', { format: 'csv', identifying: ['email', 'ip'] }), 'high', /identifying data \(email, ip\)/],
		['anonymous export', ev('export', { format: 'sav', identifying: [] }), 'medium', /exports sav/],
		['privacy setting', ev('setting-change', { key: 'encryption.enabled', before: true, after: false }), 'high', /encryption\.enabled/],
		['other setting', ev('setting-change', { key: 'grid.density', before: 1, after: 2 }), 'medium', /grid\.density/],
		['comment', ev('comment', { id: 'c', text: 'delete everything' }), 'low', null],
		['audit view', ev('audit-view', { view: 'timeline' }), 'low', null],
		['unknown type', ev('future-thing', { respondents: ids(100) }), 'low', null]
	])('%s', (_, event, level, reason) => {
		const risk = riskOf(event);
		expect(risk.level).toBe(level);
		if (reason) expect(risk.reasons.join(' ')).toMatch(reason);
		else expect(risk.reasons).toEqual([]);
	});

	it('takes the bulk threshold from the rules', () => {
		const e = ev('decision', { action: 'exclude', respondents: ids(5), reason: 'x' });
		expect(riskOf(e, { bulkExclusion: 5, sensitiveSetting: /x^/ }).level).toBe('high');
	});
});
