/** Reading in small windows and small batches gives exactly what one big read gives, with progress. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../../../app/lib/io/byte-source';
import { bytesSource } from '../../../../app/lib/io/byte-source';
import { openSav, readSavAll, type SavProgress } from '../../../../app/lib/io/spss';
import { FIXTURES, OWN_FIXTURES } from './pspp-expected';

const small = [
	...readdirSync(FIXTURES)
		.filter((f) => /\.z?sav$/.test(f) && !f.includes('encrypted'))
		.map((f) => path.join(FIXTURES, f)),
	...readdirSync(OWN_FIXTURES)
		.filter((f) => /^own_features.*\.z?sav$/.test(f))
		.map((f) => path.join(OWN_FIXTURES, f))
];

async function readStreamed(source: ByteSource, batchRows: number, readWindow: number) {
	const reader = await openSav(source, { batchRows, readWindow });
	const columns: unknown[][] = reader.dictionary.variables.map(() => []);
	const progress: SavProgress[] = [];
	let rows = 0;
	for await (const batch of reader.batches((p) => progress.push(p))) {
		expect(batch.length).toBeLessThanOrEqual(batchRows);
		batch.columns.forEach((c, i) => {
			expect(c.length).toBe(batch.length);
			for (const x of Array.from(c as ArrayLike<unknown>)) columns[i].push(x);
		});
		rows += batch.length;
	}
	return { rows, columns, progress, rowCountHint: reader.rowCountHint };
}

const plain = (c: unknown) => Array.from(c as ArrayLike<unknown>);

describe.each(small)('%s streamed', (file) => {
	const bytes = new Uint8Array(readFileSync(file));
	it.each([
		[1, 1],
		[3, 7],
		[2, 13],
		[1000, 64]
	])('batches of %i rows, reads of %i bytes, equal one whole read', async (batchRows, window) => {
		const whole = await readSavAll(bytes, path.basename(file));
		const streamed = await readStreamed(bytesSource(bytes, path.basename(file)), batchRows, window);
		expect(streamed.rows).toBe(whole.rows);
		streamed.columns.forEach((c, i) => expect(c).toEqual(plain(whole.columns[i])));
	});
});

describe('own_big (150,000 rows, several zlib blocks)', () => {
	it('streams in bounded reads with monotonic progress, equal to a plain .sav of the same data', async () => {
		const file = path.join(OWN_FIXTURES, 'own_big.zsav');
		const bytes = new Uint8Array(readFileSync(file));
		let largest = 0;
		const source: ByteSource = {
			name: 'own_big.zsav',
			size: bytes.length,
			async read(offset, length) {
				largest = Math.max(largest, length);
				return bytes.subarray(offset, offset + length);
			}
		};
		const reader = await openSav(source, { batchRows: 20_000, readWindow: 256 * 1024 });
		expect(reader.rowCountHint).toBe(150_000);
		const progress: SavProgress[] = [];
		let rows = 0;
		let idSum = 0;
		let firstS: string | null = null;
		let lastS: string | null = null;
		for await (const batch of reader.batches((p) => progress.push(p))) {
			rows += batch.length;
			for (const v of batch.columns[0] as Float64Array) idSum += v;
			const s = batch.columns[4] as (string | null)[];
			firstS ??= s[0];
			lastS = s[s.length - 1];
		}
		expect(rows).toBe(150_000);
		expect(idSum).toBe((150_000 * 150_001) / 2);
		expect([firstS, lastS]).toEqual(['r1', 'r0']);
		expect(largest).toBeLessThanOrEqual(1024 * 1024);
		expect(progress.length).toBe(8);
		for (let i = 1; i < progress.length; i++) {
			expect(progress[i].bytesRead).toBeGreaterThanOrEqual(progress[i - 1].bytesRead);
			expect(progress[i].rows).toBeGreaterThan(progress[i - 1].rows);
		}
		expect(progress.at(-1)!.rows).toBe(150_000);
		expect(progress.at(-1)!.bytesRead).toBeLessThanOrEqual(bytes.length);
		expect(progress.at(-1)!.size).toBe(bytes.length);

		const sav = await readSavAll(new Uint8Array(readFileSync(path.join(OWN_FIXTURES, 'own_big.sav'))));
		expect(sav.rows).toBe(30_000);
		expect(plain(sav.columns[3]).slice(0, 3)).toEqual([0.125, 0.25, 0.375]);
	});
});
