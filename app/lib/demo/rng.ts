/** A seeded pseudo-random stream; every draw is reproducible from the seed alone. */
export interface Rng {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [lo, hi], both inclusive. */
	int(lo: number, hi: number): number;
	/** Uniform in [lo, hi). */
	uniform(lo: number, hi: number): number;
	/** Standard normal. */
	normal(): number;
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** Index drawn with probability proportional to its weight. */
	weighted(weights: readonly number[]): number;
}

/** Mixes integers into one 32-bit seed (murmur3 finaliser), so nearby rows get unrelated streams. */
export function hashSeed(...parts: number[]): number {
	let h = 0x9e3779b9;
	for (const p of parts) {
		h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
		h ^= h >>> 13;
		h = Math.imul(h, 0xc2b2ae35);
		h ^= h >>> 16;
		// Rows above 2^32 do not occur, but seeds may be large: fold the high part in too.
		h = Math.imul(h ^ Math.floor(p / 4294967296), 0x27d4eb2f);
		h ^= h >>> 15;
	}
	return h >>> 0;
}

/** mulberry32: tiny, fast and good enough for synthetic data (not for cryptography). */
class Mulberry32 implements Rng {
	// A class, not closures: one object per row stream is created millions of times.
	private state: number;
	private spare = NaN;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	uniform(lo: number, hi: number): number {
		return lo + this.next() * (hi - lo);
	}

	normal(): number {
		if (this.spare === this.spare) {
			const z = this.spare;
			this.spare = NaN;
			return z;
		}
		const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
		const angle = 2 * Math.PI * this.next();
		this.spare = radius * Math.sin(angle);
		return radius * Math.cos(angle);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	weighted(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) total += w;
		let x = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) return i;
		}
		return weights.length - 1;
	}
}

export function createRng(seed: number): Rng {
	return new Mulberry32(seed);
}

/** Independent streams per row and purpose, so any slice of rows can be generated on its own. */
export function rowRng(seed: number, row: number, stream: number): Rng {
	return createRng(hashSeed(seed, row, stream));
}
