import { describe, expect, it } from 'vitest';
import { ReviewDrafts } from '../../../../app/lib/ui/review/drafts';

describe('ReviewDrafts', () => {
	it('keeps a typed reason per respondent row and action until it is blanked or dropped', () => {
		const d = new ReviewDrafts();
		d.set(3, 'exclude', null, 'speeder, but chec', '');
		d.set(4, 'keep', null, 'fine', '');
		d.set(3, 'edit-value', 'age', 'typo', '41');
		expect(d.get(3, 'exclude')?.reason).toBe('speeder, but chec');
		expect(d.get(3, 'keep')).toBeUndefined();
		expect(d.get(3, 'edit-value', 'age')).toEqual({ action: 'edit-value', reason: 'typo', value: '41' });
		expect(d.get(3, 'edit-value', 'income')).toBeUndefined();
		expect(d.openOn(3)).toBe('exclude');
		expect(d.openOn(4)).toBe('keep');
		expect(d.openOn(5)).toBeNull();
		d.set(3, 'keep', null, 'no: plausible', '');
		expect(d.openOn(3)).toBe('keep');
		d.set(3, 'keep', null, '   ', '');
		expect(d.get(3, 'keep')).toBeUndefined();
		expect(d.openOn(3)).toBe('exclude');
		d.drop(3, 'exclude');
		expect(d.openOn(3)).toBeNull();
		expect(d.get(3, 'edit-value', 'age')?.value).toBe('41');
	});
});
