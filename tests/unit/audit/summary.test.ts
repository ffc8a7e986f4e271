import { describe, expect, it } from 'vitest';
import { dailySummary } from '../../../app/lib/audit/summary';
import type { AuditEvent, DeviceEvent } from '../../../app/lib/audit/events';

let seq = 0;
function ev(device: string, actor: string, time: string, type: string, payload: AuditEvent['payload']): DeviceEvent {
	return { device, seq: seq++, time, actor, type, payload, prev: '0'.repeat(64), hash: '0'.repeat(64) };
}

describe('dailySummary', () => {
	const events = [
		ev('laptop', 'alice', '2026-11-20T08:00:00.000Z', 'chain-start', { device: 'laptop' }),
		ev('laptop', 'alice', '2026-11-20T09:00:00.000Z', 'import', {
			file: 'wave1.sav',
			sha256: 'ab',
			format: 'sav',
			rows: 900,
			variables: 40
		}),
		ev('laptop', 'alice', '2026-11-20T09:05:00.000Z', 'decision', {
			action: 'exclude',
			respondents: Array.from({ length: 25 }, (_, i) => i),
			reason: 'speeders'
		}),
		ev('laptop', 'alice', '2026-11-20T09:06:00.000Z', 'decision', { action: 'exclude', respondents: [99], reason: 'bot' }),
		ev('tablet', 'bob', '2026-11-20T10:00:00.000Z', 'rule-change', { op: 'delete', rule: 'adult' }),
		ev('tablet', 'bob', '2026-11-20T10:30:00.000Z', 'comment', { id: 'c1', text: 'why?' }),
		ev('tablet', 'bob', '2026-11-20T11:00:00.000Z', 'export', { format: 'csv', identifying: ['email'] }),
		ev('tablet', 'bob', '2026-11-21T09:00:00.000Z', 'comment', { id: 'c2', text: 'next day' })
	];

	it('counts, says who did what and lists high-risk actions, from the events alone', () => {
		expect(dailySummary(events, '2026-11-20')).toBe(
			[
				'Audit summary for 2026-11-20 (UTC)',
				'6 events by 2 people on 2 devices: import, decision x2, rule-change, comment, export.',
				'',
				'Who did what:',
				'- alice: 2 decisions, excluded 26 respondents, 1 import (wave1.sav).',
				'- bob: 1 rule-change (delete adult), 1 comment, 1 export (csv).',
				'',
				'High-risk actions:',
				'- 09:05 alice: bulk exclusion of 25 respondents (20 or more).',
				'- 10:00 bob: deletes rule adult.',
				'- 11:00 bob: exports identifying data (email).',
				'',
				'Unusual activity: none.',
				''
			].join('\n')
		);
	});

	it('says so when nothing happened', () => {
		expect(dailySummary(events, '2026-11-25')).toBe('Audit summary for 2026-11-25 (UTC)\nNo audit events on this day.\n');
	});
});
