import { describe, expect, it } from 'vitest';
import { createRng, hashSeed, rowRng } from '../../../app/lib/demo/rng';

describe('rng', () => {
	it('repeats a stream from its seed and separates rows and purposes', () => {
		const draw = (seed: number) => {
			const r = createRng(seed);
			return Array.from({ length: 5 }, () => r.next());
		};
		const a = createRng(42);
		const b = createRng(42);
		expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
		expect(draw(1)).not.toEqual(draw(2));
		expect(rowRng(7, 1, 1).next()).not.toBe(rowRng(7, 2, 1).next());
		expect(rowRng(7, 1, 1).next()).not.toBe(rowRng(7, 1, 2).next());
		expect(hashSeed(7, 1)).not.toBe(hashSeed(7 + 2 ** 32, 1));
	});

	it('draws with the documented ranges and moments', () => {
		const r = createRng(3);
		const n = 20000;
		const ints = Array.from({ length: n }, () => r.int(1, 5));
		expect(Math.min(...ints)).toBe(1);
		expect(Math.max(...ints)).toBe(5);
		const z = Array.from({ length: n }, () => r.normal());
		const mean = z.reduce((s, x) => s + x, 0) / n;
		const sd = Math.sqrt(z.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
		expect(Math.abs(mean)).toBeLessThan(0.05);
		expect(Math.abs(sd - 1)).toBeLessThan(0.05);
		const w = Array.from({ length: n }, () => r.weighted([1, 0, 3]));
		expect(w.filter((k) => k === 1)).toHaveLength(0);
		expect(w.filter((k) => k === 2).length / n).toBeCloseTo(0.75, 1);
	});
});
