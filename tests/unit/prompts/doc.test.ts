import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editPrompt, getPrompt, publishPrompts, readDocPrompts, rollbackPrompt, watchDocPrompts } from '../../../app/lib/prompts';
import { createRng } from '../../../app/lib/demo/rng';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('prompt versions through the project doc', () => {
	it('keeps both of two concurrent edits and numbers them alike on both replicas', () => {
		const ann = new Y.Doc();
		const bob = new Y.Doc();
		const base = getPrompt('explain-flags', []);
		const body = (u: string) => ({ en: { system: '', user: `{{flags}} ${u}` } });
		publishPrompts(ann, [
			editPrompt(base, { variants: body('by ann'), note: 'ann' }, { id: 'ann-1', by: 'ann', at: '2026-12-08T10:00:00.000Z' })
		]);
		publishPrompts(bob, [
			editPrompt(base, { variants: body('by bob'), note: 'bob' }, { id: 'bob-1', by: 'bob', at: '2026-12-08T10:00:00.000Z' })
		]);
		sync(ann, bob);
		const a = getPrompt('explain-flags', readDocPrompts(ann));
		const b = getPrompt('explain-flags', readDocPrompts(bob));
		expect(a.versions.map((v) => [v.number, v.id])).toEqual([
			[1, 'builtin:explain-flags'],
			[2, 'ann-1'],
			[3, 'bob-1']
		]);
		expect(b.versions).toEqual(a.versions);
		expect(a.current.variants.en.user).toBe('{{flags}} by bob');
	});

	it('converges on the same history for random edits, rollbacks and sync orders', () => {
		const rng = createRng(19);
		for (let round = 0; round < 20; round++) {
			const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
			for (let step = 0; step < 12; step++) {
				const i = rng.int(0, 2);
				const doc = docs[i];
				const prompt = getPrompt('summarise-report', readDocPrompts(doc));
				const who = { id: `r${round}-s${step}-d${i}`, by: `d${i}`, at: `2026-12-08T10:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z` };
				const record = rng.chance(0.3)
					? rollbackPrompt(prompt, rng.int(1, prompt.versions.length), who)
					: editPrompt(prompt, { variants: { en: { system: '', user: `{{flagged}} ${step}` } }, note: `step ${step}` }, who);
				publishPrompts(doc, [record]);
				if (rng.chance(0.4)) sync(doc, docs[rng.int(0, 2)]);
			}
			sync(docs[0], docs[1]);
			sync(docs[1], docs[2]);
			sync(docs[0], docs[1]);
			const histories = docs.map((d) => getPrompt('summarise-report', readDocPrompts(d)).versions);
			expect(histories[0]).toHaveLength(13);
			expect(histories[1]).toEqual(histories[0]);
			expect(histories[2]).toEqual(histories[0]);
		}
	});

	it('publishes only versions the doc lacks', () => {
		const doc = new Y.Doc();
		const r = editPrompt(
			getPrompt('explain-flags', []),
			{ variants: { en: { system: '', user: '{{flags}}' } }, note: '' },
			{ id: 'x', by: 'a', at: '2026-12-08T10:00:00.000Z' }
		);
		expect(publishPrompts(doc, [r])).toBe(1);
		expect(publishPrompts(doc, [r, { ...r, note: 'changed' }])).toBe(0);
		expect(readDocPrompts(doc)).toEqual([r]);
	});
});

describe('watchDocPrompts', () => {
	it('reports versions another replica adds, not this one’s own', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		let seen = 0;
		const stop = watchDocPrompts(a, () => seen++);
		const r = editPrompt(
			getPrompt('explain-flags', []),
			{ variants: { en: { system: '', user: '{{flags}}' } }, note: '' },
			{ id: 'w', by: 'b', at: '2026-12-08T10:00:00.000Z' }
		);
		publishPrompts(a, [{ ...r, id: 'own' }]);
		expect(seen).toBe(0);
		publishPrompts(b, [r]);
		sync(b, a);
		expect(seen).toBe(1);
		stop();
		publishPrompts(b, [{ ...r, id: 'later' }]);
		sync(b, a);
		expect(seen).toBe(1);
	});
});
