import { randomAnswers, type RandomAnswerKind } from '../../demo/random-answers';
import { createRng } from '../../demo/rng';
import type { EvidenceBlock } from './evidence';

/** The random responders the bot score is contrasted with: the kinds that shuffling cannot tell from their shuffles. */
export const SIMULATED_KINDS: readonly RandomAnswerKind[] = ['uniform', 'mid-range', 'biased'];

/**
 * `m` simulated random responders answering every block (kinds in turn, each block on its own
 * scale), as blocks that share the real data's grid models: their evidence is computed exactly as
 * the respondents' is.
 */
export function simulatedBlocks(blocks: EvidenceBlock[], m: number, seed: number): EvidenceBlock[] {
	const r = createRng(seed);
	const out = blocks.map((b) => ({ ...b, matrix: new Float64Array(m * b.model.k) }));
	for (let i = 0; i < m; i++) {
		const kind = SIMULATED_KINDS[i % SIMULATED_KINDS.length];
		for (const b of out) b.matrix.set(randomAnswers(kind, b.model.k, b.scale, r), i * b.model.k);
	}
	return out;
}
