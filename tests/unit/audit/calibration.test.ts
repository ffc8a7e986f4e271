import { describe, expect, it } from 'vitest';
import { reviewerCalibration, type RespondentContext } from '../../../app/lib/audit/calibration';
import type { AuditEvent } from '../../../app/lib/audit/events';
import { createRng } from '../../../app/lib/demo/rng';

const REVIEWERS = ['ana', 'ben', 'chloé', 'dmitri', 'eve'];
const CHECKS = ['speeders', 'straightlining', 'text-quality'];
const BASE: Record<string, number> = { speeders: 0.5, straightlining: 0.3, 'text-quality': 0.4 };

/**
 * 2,000 respondents, each flagged by one check and interviewed by one of ten interviewers, each
 * decided by one of five reviewers. Known truth: `eveSpeeders` is how much more often eve excludes
 * speeders, `int07` how much more often INT07's respondents deserve exclusion.
 */
function panel(seed: number, bias = { eveSpeeders: 0.35, int07: 0.3 }) {
	const rng = createRng(seed);
	const random = () => rng.next();
	const context = new Map<string, RespondentContext>();
	const events: AuditEvent[] = [];
	for (let i = 0; i < 2000; i++) {
		const id = `R${String(i).padStart(4, '0')}`;
		const check = CHECKS[Math.floor(random() * CHECKS.length)];
		const group = `INT${String(1 + Math.floor(random() * 10)).padStart(2, '0')}`;
		const actor = REVIEWERS[Math.floor(random() * REVIEWERS.length)];
		context.set(id, { checks: [check], group });
		const p = BASE[check] + (group === 'INT07' ? bias.int07 : 0) + (actor === 'eve' && check === 'speeders' ? bias.eveSpeeders : 0);
		events.push({
			seq: i,
			time: new Date(Date.parse('2026-11-20T09:00:00Z') + i * 1000).toISOString(),
			actor,
			type: 'decision',
			payload: { action: random() < p ? 'exclude' : 'keep', respondents: [i % 2 ? id : i], reason: check.replace(/s$/, '') },
			prev: '0'.repeat(64),
			hash: '0'.repeat(64)
		});
	}
	return { events, contextOf: (id: string) => context.get(id) ?? context.get(`R${id.padStart(4, '0')}`) };
}

const flagged = (rows: { key: string; flagged: boolean }[]) => rows.filter((r) => r.flagged).map((r) => r.key);

describe('reviewer calibration', () => {
	it('finds the reviewer harsh on one check and the interviewer whose respondents are excluded more, and no one else', () => {
		const { events, contextOf } = panel(7);
		const c = reviewerCalibration(events, contextOf);
		expect(c.checkSource).toBe('findings');
		expect(flagged(c.reviewers)).toEqual([]);
		expect(c.byCheck.map((b) => [b.check, flagged(b.reviewers)])).toEqual([
			['speeders', ['eve']],
			['straightlining', []],
			['text-quality', []]
		]);
		expect(flagged(c.groups)).toEqual(['INT07']);
		const eve = c.byCheck[0].reviewers.find((r) => r.key === 'eve')!;
		expect(eve.diff!).toBeGreaterThan(0.2);
		expect(eve.excluded + eve.kept + eve.othersDecided).toBe(c.byCheck[0].reviewers.reduce((n, r) => n + r.excluded + r.kept, 0));
		expect(c.alerts).toHaveLength(2);
		expect(c.alerts[0]).toMatch(
			/^On respondents flagged by speeders: eve excluded \d+ % of \d+ decided respondents against \d+ % of \d+ for the other reviewers \(\d+ points more\)\.$/
		);
		expect(c.alerts[1]).toMatch(/^Respondents of interviewer INT07: excluded/);
	});

	it('splits by the typed reason when there are no findings to read', () => {
		const { events } = panel(11);
		const c = reviewerCalibration(events);
		expect(c.checkSource).toBe('reason');
		expect(c.byCheck.map((b) => b.check)).toEqual(['speeder', 'straightlining', 'text-quality']);
		expect(flagged(c.byCheck[0].reviewers)).toEqual(['eve']);
		expect(c.groups).toEqual([]);
	});

	it('false-flags under 1 % of comparisons on 40 unbiased panels', () => {
		let rows = 0;
		let falseFlags = 0;
		for (let seed = 100; seed < 140; seed++) {
			const { events, contextOf } = panel(seed, { eveSpeeders: 0, int07: 0 });
			const c = reviewerCalibration(events, contextOf);
			for (const list of [c.reviewers, c.groups, ...c.byCheck.map((b) => b.reviewers)]) {
				rows += list.length;
				falseFlags += flagged(list).length;
			}
		}
		expect(rows).toBe(40 * (5 + 10 + 15));
		expect(falseFlags / rows).toBeLessThan(0.01);
	});

	it('counts only the latest exclude or keep of a reviewer on a respondent, and ignores value edits', () => {
		const at = (s: number) => new Date(Date.parse('2026-11-20T09:00:00Z') + s * 1000).toISOString();
		const e = (seq: number, action: string, respondents: (string | number)[]): AuditEvent => ({
			seq,
			time: at(seq),
			actor: 'ana',
			type: 'decision',
			payload: { action, respondents, reason: 'speeder' },
			prev: '0'.repeat(64),
			hash: '0'.repeat(64)
		});
		const c = reviewerCalibration([e(2, 'keep', [1, 2]), e(1, 'exclude', [1, 2, 3]), e(3, 'edit-value', [3])]);
		expect(c.reviewers).toMatchObject([{ key: 'ana', excluded: 1, kept: 2, others: null, flagged: false }]);
	});
});
