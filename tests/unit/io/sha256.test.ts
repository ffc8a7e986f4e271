import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blobSha256, Sha256, sha256Hex, toHex } from '../../../app/lib/io/sha256';

const text = (s: string) => new TextEncoder().encode(s);
const node = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256', () => {
	it('matches the FIPS 180-4 / NIST test vectors', () => {
		expect(sha256Hex(text(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(sha256Hex(text('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
		expect(sha256Hex(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
			'248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'
		);
		expect(
			sha256Hex(text('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu'))
		).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
	});

	it('hashes a million "a" fed in uneven pieces', () => {
		const h = new Sha256();
		const a = new Uint8Array(1_000_000).fill(0x61);
		for (let at = 0, k = 1; at < a.length; at += k, k = (k * 7 + 3) % 1001) h.update(a.subarray(at, at + k));
		expect(toHex(h.digest())).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
	});

	it('equals node:crypto for random inputs split at random points, around block and padding edges', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(300), { maxLength: 6 }), (bytes, cuts) => {
				const h = new Sha256();
				let at = 0;
				for (const c of [...cuts].sort((x, y) => x - y)) {
					const to = Math.min(bytes.length, c);
					if (to > at) h.update(bytes.subarray(at, to));
					at = Math.max(at, to);
				}
				h.update(bytes.subarray(at));
				return toHex(h.digest()) === node(bytes);
			}),
			{ numRuns: 500 }
		);
		for (let n = 50; n < 135; n++) {
			const b = new Uint8Array(n).map((_, i) => (i * 31 + n) & 255);
			expect(sha256Hex(b)).toBe(node(b));
		}
	});

	it('hashes a Blob across slice boundaries the same as node:crypto', async () => {
		const bytes = new Uint8Array((8 << 20) * 2 + 12345).map((_, i) => (i * 2654435761) >>> 24);
		const seen: number[] = [];
		expect(await blobSha256(new Blob([bytes]), (done) => seen.push(done))).toBe(node(bytes));
		expect(seen).toEqual([8 << 20, 16 << 20, bytes.length]);
	});

	it('refuses to be used after digest', () => {
		const h = new Sha256();
		h.digest();
		expect(() => h.update(text('x'))).toThrow(/after digest/);
	});
});
