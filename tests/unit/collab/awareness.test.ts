import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { Presence, colourFor } from '../../../app/lib/collab/awareness';

describe('presence', () => {
	it('lists people and who looks at which respondent', () => {
		const a = new Awareness(new Y.Doc());
		const b = new Awareness(new Y.Doc());
		const pa = new Presence(a, { name: 'ana', colour: colourFor('ana') });
		const pb = new Presence(b, { name: 'bo', colour: colourFor('bo') });
		pb.look(42);
		applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [b.clientID]), 'remote');
		expect(pa.peers.map((p) => [p.name, p.self, p.row ?? null])).toEqual([
			['ana', true, null],
			['bo', false, 42]
		]);
		expect(pa.lookingAt(42).map((p) => p.name)).toEqual(['bo']);
		pa.look(42);
		expect(pa.lookingAt(42).map((p) => p.name)).toEqual(['bo']);
		expect(pa.lookingAt(41)).toEqual([]);
		expect(colourFor('ana')).toBe(colourFor('ana'));
	});
});
