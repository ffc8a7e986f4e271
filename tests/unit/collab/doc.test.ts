import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MIGRATIONS, NewerDocError, SCHEMA_VERSION, TYPES, migrate, schemaVersion, type Migration } from '../../../app/lib/collab/doc';

describe('project doc schema', () => {
	it('migrates an empty doc to the current version, idempotently', () => {
		const doc = new Y.Doc();
		expect(schemaVersion(doc)).toBe(0);
		expect(migrate(doc)).toBe(SCHEMA_VERSION);
		const state = Y.encodeStateAsUpdate(doc);
		expect(migrate(doc)).toBe(SCHEMA_VERSION);
		expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
	});

	it('two replicas migrated offline merge to the same version', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		migrate(a);
		migrate(b);
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(schemaVersion(a)).toBe(SCHEMA_VERSION);
		expect(a.getMap(TYPES.meta).toJSON()).toEqual(b.getMap(TYPES.meta).toJSON());
	});

	it('refuses a doc written by a newer app', () => {
		const doc = new Y.Doc();
		doc.getMap(TYPES.meta).set('schemaVersion', SCHEMA_VERSION + 1);
		expect(() => migrate(doc)).toThrow(NewerDocError);
	});

	it('runs only the pending migrations, in order, and checks they step by one', () => {
		const ran: number[] = [];
		const steps: Migration[] = [
			...MIGRATIONS,
			{ version: 2, up: (d) => (ran.push(2), d.getMap(TYPES.meta).set('schemaVersion', 2)) },
			{ version: 3, up: (d) => (ran.push(3), d.getMap(TYPES.meta).set('schemaVersion', 3)) }
		];
		const doc = new Y.Doc();
		doc.getMap(TYPES.meta).set('schemaVersion', 1);
		expect(migrate(doc, steps)).toBe(3);
		expect(ran).toEqual([2, 3]);
		const gap: Migration[] = [...MIGRATIONS, { version: 3, up: () => {} }];
		expect(() => migrate(new Y.Doc(), gap)).toThrow(/step by one/);
	});
});
