import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalize } from '../../../app/lib/audit/canonical-json';
import { sha256Hex } from '../../../app/lib/audit/hash';
import { verifyChain } from '../../../app/lib/audit/verify-chain';
import type { ImportResult } from '../../../app/lib/engine/import/types';
import { loadChains } from '../../../app/lib/store/audit-store';
import { SieveDb } from '../../../app/lib/store/db';
import { createProject, recordImport } from '../../../app/lib/store/projects';

const open: SieveDb[] = [];
let n = 0;
function freshDb(): SieveDb {
	const db = new SieveDb(`projects-${n++}`);
	open.push(db);
	return db;
}
afterEach(async () => {
	for (const db of open.splice(0)) await db.delete();
});

const result = {
	format: 'csv',
	rows: 3,
	dictionary: { variables: [{ name: 'a' }, { name: 'b' }] },
	csv: { encoding: 'utf-8', delimiter: ',', quote: '"' }
} as unknown as ImportResult;

describe('project store with audit events', () => {
	it('records the creation of a project in its chain', async () => {
		const db = freshDb();
		const p = await createProject(db, '  Wave 1 ');
		const [chain] = await loadChains(db, p.id);
		expect(chain.events.map((e) => [e.type, e.payload])).toEqual([
			['chain-start', { device: chain.device, project: p.id }],
			['project', { op: 'create', name: 'Wave 1' }]
		]);
	});

	it('records an import with its hash, mode and dialect, and the chain verifies', async () => {
		const db = freshDb();
		const p = await createProject(db, 'Wave 1');
		await recordImport(db, p.id, { name: 'w1.csv', size: 40 }, result, 'opfs', undefined, { mode: 'new', sha256: 'ab'.repeat(32) });
		await recordImport(db, p.id, { name: 'w1.csv', size: 40 }, result, 'opfs', undefined, { mode: 'reimport', sha256: 'ab'.repeat(32) });
		const [chain] = await loadChains(db, p.id);
		expect(chain.events[2].payload).toEqual({
			file: 'w1.csv',
			sha256: 'ab'.repeat(32),
			format: 'csv',
			rows: 3,
			variables: 2,
			mode: 'new',
			csv: { encoding: 'utf-8', delimiter: ',', quote: '"' }
		});
		expect(chain.events[3].payload.mode).toBe('reimport');
		expect(await verifyChain(chain.events)).toMatchObject({ ok: true });
		expect((await db.projects.get(p.id))?.file).toMatchObject({ name: 'w1.csv', rows: 3 });
	});

	it('lists every ragged CSV line an "import anyway" padded or cut', async () => {
		const db = freshDb();
		const p = await createProject(db, 'Wave 1');
		const repairs = {
			expected: 3,
			lines: [
				{ line: 3, fields: 2 },
				{ line: 9, fields: 5 }
			]
		};
		await recordImport(db, p.id, { name: 'w1.csv', size: 40 }, { ...result, repairs }, 'opfs', undefined, {
			mode: 'new',
			sha256: 'ab'.repeat(32)
		});
		const [chain] = await loadChains(db, p.id);
		expect(chain.events[2].payload.repairs).toEqual(repairs);
		expect(await verifyChain(chain.events)).toMatchObject({ ok: true });
	});

	it('hashes a generated demo over its parameters', async () => {
		const db = freshDb();
		const p = await createProject(db, 'Demo');
		const demoResult = { ...result, format: 'demo', csv: undefined } as unknown as ImportResult;
		await recordImport(
			db,
			p.id,
			{ name: 'demo-survey (generated)', size: 0 },
			demoResult,
			'opfs',
			{ seed: 7, planted: 12 },
			{ mode: 'new' }
		);
		const [chain] = await loadChains(db, p.id);
		const demo = { generator: 'demo-survey', rows: 3, seed: 7, planted: 12 };
		expect(chain.events[2].payload).toMatchObject({ format: 'demo', demo, sha256: await sha256Hex(canonicalize(demo)) });
	});

	it('writes nothing when the import cannot be audited', async () => {
		const db = freshDb();
		const p = await createProject(db, 'Wave 1');
		await expect(recordImport(db, p.id, { name: 'w1.csv', size: 40 }, result, 'opfs', undefined, { mode: 'new' })).rejects.toThrow(
			'SHA-256'
		);
		expect((await db.projects.get(p.id))?.file).toBeNull();
		expect(await db.dictionaries.count()).toBe(0);
	});
});
