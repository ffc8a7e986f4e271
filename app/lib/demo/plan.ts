import { PLANTED_KINDS, type PlantRates, type PlantedKind } from './kinds';
import { createRng, hashSeed } from './rng';
import { STREAM } from './row';

/** Which rows carry which planted problem; every other row is a careful respondent. */
export interface Plan {
	/** 0 = clean, otherwise 1 + the kind's position in PLANTED_KINDS. */
	kinds: Uint8Array;
	/** For duplicates, the (clean) row copied; −1 elsewhere. */
	source: Int32Array;
	counts: Record<PlantedKind, number>;
}

/** Draws disjoint sets of rows, round(rate × rows) per kind, from one seeded shuffle. */
export function makePlan(rows: number, seed: number, rates: PlantRates): Plan {
	const counts = {} as Record<PlantedKind, number>;
	let planted = 0;
	for (const k of PLANTED_KINDS) {
		const rate = rates[k];
		if (!(rate >= 0 && rate <= 1)) throw new Error(`rate for ${k} must be between 0 and 1, got ${rate}`);
		counts[k] = Math.round(rate * rows);
		planted += counts[k];
	}
	const duplicates = counts['exact-duplicate'] + counts['near-duplicate'];
	if (planted > rows || (duplicates > 0 && planted === rows)) {
		throw new Error(`planted problems (${planted}) leave no clean respondents among ${rows} rows`);
	}

	const rng = createRng(hashSeed(seed, STREAM.plan));
	const order = new Int32Array(rows);
	for (let i = 0; i < rows; i++) order[i] = i;
	for (let i = rows - 1; i > 0; i--) {
		const j = Math.floor(rng.next() * (i + 1));
		const t = order[i];
		order[i] = order[j];
		order[j] = t;
	}

	const kinds = new Uint8Array(rows);
	const source = new Int32Array(rows).fill(-1);
	let at = 0;
	PLANTED_KINDS.forEach((k, code) => {
		for (let n = 0; n < counts[k]; n++) {
			const row = order[at++];
			kinds[row] = code + 1;
			if (k === 'exact-duplicate' || k === 'near-duplicate') source[row] = order[planted + Math.floor(rng.next() * (rows - planted))];
		}
	});
	return { kinds, source, counts };
}

export function kindOf(plan: Plan, row: number): PlantedKind | null {
	const code = plan.kinds[row];
	return code === 0 ? null : PLANTED_KINDS[code - 1];
}
