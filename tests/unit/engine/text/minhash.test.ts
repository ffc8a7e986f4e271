import { describe, expect, it } from 'vitest';
import { nearDuplicateGroups } from '../../../../app/lib/engine/text/minhash';
import { bigramHashes, jaccard, words } from '../../../../app/lib/engine/text/shingles';
import { plantedRings } from './rings';

describe('nearDuplicateGroups on 20,000 prose answers with 300 planted copy rings', () => {
	const { texts, ring } = plantedRings(8, 20_000, 300);
	const keep = texts.map((t, i) => [i, words(t)] as const).filter(([, ws]) => ws.length >= 20);
	const group = nearDuplicateGroups(
		keep.map(([, ws]) => bigramHashes(ws)),
		0.8
	);
	const byGroup = new Map<number, number[]>();
	keep.forEach(([i], k) => byGroup.set(group[k], [...(byGroup.get(group[k]) ?? []), i]));
	let truePairs = 0;
	let falsePairs = 0;
	const found = new Set<number>();
	for (const m of byGroup.values())
		for (let a = 0; a < m.length; a++)
			for (let b = a + 1; b < m.length; b++) {
				if (ring[m[a]] >= 0 && ring[m[a]] === ring[m[b]]) {
					truePairs++;
					found.add(m[a]).add(m[b]);
				} else falsePairs++;
			}
	const members = ring.filter((g) => g >= 0).length;

	it('finds ≥ 95 % of ring members with ≤ 1 % false pairs', () => {
		console.info(`rings: ${found.size} / ${members} members found; pairs ${truePairs} true, ${falsePairs} false`);
		expect(found.size / members).toBeGreaterThanOrEqual(0.95);
		expect(falsePairs / (truePairs + falsePairs)).toBeLessThanOrEqual(0.01);
	});

	it('never groups texts below the threshold with each other directly', () => {
		for (const m of byGroup.values())
			if (m.length === 2) expect(jaccard(bigramHashes(words(texts[m[0]])), bigramHashes(words(texts[m[1]])))).toBeGreaterThanOrEqual(0.8);
	});
});

describe('shingles', () => {
	it('ignore case and punctuation, and measure word-bigram overlap', () => {
		expect(words('Hello, WORLD!  ok')).toEqual(['hello', 'world', 'ok']);
		expect(jaccard(bigramHashes(words('a b c d')), bigramHashes(words('A b. C d')))).toBe(1);
		expect(jaccard(bigramHashes(words('a b c d')), bigramHashes(words('a b c e')))).toBeCloseTo(2 / 4);
	});
});
