import { describe, expect, it } from 'vitest';
import type { SurveyRoles } from '../../../app/lib/engine/api';
import { SetupDraft } from '../../../app/lib/state/SetupDraft.svelte';
import { dictionaryOf, variable } from '../engine/checks/helpers';

const detected = {
	id: 'ResponseId',
	weight: 'wt',
	start: null,
	end: null,
	duration: 'secs',
	durationScale: 1,
	ip: null,
	userAgent: null,
	interviewer: null,
	grids: [{ name: 'q1', items: ['q1_1', 'q1_2'], scale: [1, 5], reversed: [] }],
	openEnds: ['comments'],
	screeners: ['s1'],
	attentionChecks: ['attn'],
	demographics: {},
	pageTimes: [],
	missingCodes: {}
} as unknown as SurveyRoles;

describe('SetupDraft', () => {
	it('starts from detection and writes every role it shows', () => {
		const d = new SetupDraft();
		d.fill({}, detected);
		expect(d.roles.id).toBe('ResponseId');
		expect(d.roles.weight).toBe('wt');
		expect(d.screeners).toEqual(['s1']);
		// a detected attention check has no passing answer yet: it stays with detection until one is given
		expect(d.attention).toEqual([{ variable: 'attn', expected: '' }]);
		const c = d.toConfig();
		expect(c).toMatchObject({ id: 'ResponseId', weight: 'wt', duration: 'secs', screeners: ['s1'], openEnds: ['comments'] });
		expect(c.attentionChecks).toBeUndefined();
		expect(c.start).toBeUndefined();
	});

	it('the id can be any variable or none (row order), and the choice survives a round trip', () => {
		const d = new SetupDraft();
		d.fill({ id: 'email' }, detected);
		expect(d.roles.id).toBe('email');
		d.roles.id = '';
		const none = d.toConfig();
		expect('id' in none).toBe(false);
		d.roles.id = 'caseno';
		const again = new SetupDraft();
		again.fill(d.toConfig(), detected);
		expect(again.roles.id).toBe('caseno');
	});

	it('parses passing answers as codes, numbers where they are numbers', () => {
		const d = new SetupDraft();
		d.fill({}, detected);
		d.attention = [
			{ variable: 'attn', expected: '4' },
			{ variable: 'attn2', expected: '1, 2, agree' },
			{ variable: '', expected: '3' }
		];
		expect(d.toConfig().attentionChecks).toEqual([
			{ variable: 'attn', expected: 4 },
			{ variable: 'attn2', expected: [1, 2, 'agree'] }
		]);
		const back = new SetupDraft();
		back.fill(d.toConfig(), detected);
		expect(back.attention).toEqual([
			{ variable: 'attn', expected: '4' },
			{ variable: 'attn2', expected: '1, 2, agree' }
		]);
	});

	it('keeps settings the page does not edit and names variables the data lacks', () => {
		const d = new SetupDraft();
		d.fill({ ranges: { age: [18, 99] }, fieldwork: { start: '2026-01-01' } }, detected);
		d.screeners = ['s1', 'gone'];
		d.attention = [{ variable: 'attn', expected: '4' }];
		const c = d.toConfig();
		expect(c.ranges).toEqual({ age: [18, 99] });
		expect(c.fieldwork).toEqual({ start: '2026-01-01' });
		const dict = dictionaryOf(['ResponseId', 'wt', 'secs', 'q1_1', 'q1_2', 's1', 'comments'].map((n) => variable(n)));
		expect(d.unknownVariables(dict)).toEqual(['screener: gone', 'attention check: attn']);
	});
});
