/**
 * Random truncations and byte changes of every fixture (seeded, so failures reproduce): each read
 * ends with data or an SpssError, never another exception, and reads a bounded number of bytes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ByteSource } from '../../../../app/lib/io/byte-source';
import { openSav, SpssError } from '../../../../app/lib/io/spss';
import { FIXTURES, OWN_FIXTURES } from './pspp-expected';

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A source over bytes that counts what is asked of it. */
function countingSource(bytes: Uint8Array, name: string) {
	const stats = { bytes: 0, reads: 0, largest: 0 };
	const source: ByteSource = {
		name,
		size: bytes.length,
		async read(offset, length) {
			stats.reads++;
			stats.bytes += length;
			stats.largest = Math.max(stats.largest, length);
			return bytes.subarray(offset, Math.min(bytes.length, offset + length));
		}
	};
	return { source, stats };
}

async function readAll(source: ByteSource): Promise<'data' | SpssError> {
	try {
		const reader = await openSav(source, { batchRows: 1000 });
		for await (const batch of reader.batches()) void batch;
		return 'data';
	} catch (err) {
		if (err instanceof SpssError) return err;
		throw err;
	}
}

const files = [
	...readdirSync(FIXTURES)
		.filter((f) => /\.z?sav$/.test(f))
		.map((f) => path.join(FIXTURES, f)),
	...readdirSync(OWN_FIXTURES)
		.filter((f) => /\.z?sav$/.test(f))
		.map((f) => path.join(OWN_FIXTURES, f))
];

const WINDOW = 2 << 20;

describe.each(files)('fuzzing %s', (file) => {
	const original = new Uint8Array(readFileSync(file));
	const big = statSync(file).size > 500_000;
	const rounds = big ? 6 : 50;

	it(`ends with data or SpssError for ${rounds} mutants`, async () => {
		const rand = mulberry32(original.length * 2654435761);
		const outcomes = { data: 0, error: 0 };
		for (let round = 0; round < rounds; round++) {
			let bytes: Uint8Array;
			let what: string;
			if (round % 3 === 0) {
				const cut = Math.floor(rand() * (round % 2 ? Math.min(original.length, 4096) : original.length));
				bytes = original.slice(0, cut);
				what = `truncated to ${cut}`;
			} else {
				bytes = original.slice();
				const flips = 1 + Math.floor(rand() * 8);
				const head = Math.min(bytes.length, 4096);
				const at: number[] = [];
				for (let i = 0; i < flips; i++) {
					const pos = Math.floor(rand() * (rand() < 0.7 ? head : bytes.length));
					bytes[pos] = Math.floor(rand() * 256);
					at.push(pos);
				}
				what = `bytes changed at ${at.join(',')}`;
			}
			const name = `${path.basename(file)} (${what})`;
			const { source, stats } = countingSource(bytes, name);
			const outcome = await readAll(source).catch((err) => {
				throw new Error(`${name}: ${err?.constructor?.name}: ${err?.message}`);
			});
			if (outcome === 'data') outcomes.data++;
			else {
				outcomes.error++;
				expect(outcome.message.startsWith(`${name}: `)).toBe(true);
				expect(outcome.message).not.toContain('\n');
			}
			// Bounded work: never re-reads the file many times over, never asks for more than a window.
			expect(stats.bytes, name).toBeLessThanOrEqual(3 * bytes.length + 2 * WINDOW);
			expect(stats.largest, name).toBeLessThanOrEqual(WINDOW + 8);
		}
		expect(outcomes.data + outcomes.error).toBe(rounds);
	});
});

describe('refusals', () => {
	const refuse = async (bytes: Uint8Array, name = 'x.sav') => {
		const outcome = await readAll(countingSource(bytes, name).source);
		if (outcome === 'data') throw new Error('read without error');
		return outcome.message;
	};
	const sample = new Uint8Array(readFileSync(path.join(FIXTURES, 'pyreadstat_sample.sav')));

	it('names the file and says why', async () => {
		expect(await refuse(new TextEncoder().encode('id,name\n1,x\n'), 'data.csv')).toBe('data.csv: not an SPSS file');
		expect(await refuse(new Uint8Array(0))).toBe('x.sav: not an SPSS file (too short)');
		expect(await refuse(sample.slice(0, 100))).toBe('x.sav: truncated at byte 100');
		expect(await refuse(sample.slice(0, 700))).toBe('x.sav: truncated at byte 700');
	});

	it('reports a cut inside the cases as truncation', async () => {
		const plain = new Uint8Array(readFileSync(path.join(FIXTURES, 'pyreadstat_sample_large.sav')));
		expect(await refuse(plain.slice(0, plain.length - 20))).toMatch(/^x\.sav: truncated at byte \d+ \(inside case 485\)$/);
	});

	it('recognises portable files', async () => {
		const por = new Uint8Array(readFileSync(path.join(FIXTURES, 'pyreadstat_sample.por')));
		expect(await refuse(por, 's.por')).toBe('s.por: not an SPSS system file (it is a portable .por file)');
	});

	it('rejects a count that the file cannot hold without allocating it', async () => {
		const bytes = sample.slice();
		const view = new DataView(bytes.buffer);
		// First variable record at 176: claim a label of 2^31-1 bytes.
		view.setInt32(176 + 8, 1, true);
		view.setInt32(176 + 32, 0x7fffffff, true);
		expect(await refuse(bytes)).toMatch(/^x\.sav: malformed variable record at byte 176: label length 2147483647$/);
	});
});
