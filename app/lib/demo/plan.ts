import { PLANTED_KINDS, type PlantRates, type PlantedKind } from './kinds';
import { createRng, hashSeed } from './rng';
import { STREAM } from './row';

/** Which rows carry which planted problem; every other row is a careful respondent. */
export interface Plan {
	/** 0 = clean, otherwise 1 + the kind's position in PLANTED_KINDS. */
	kinds: Uint8Array;
	/** For duplicates, the clean row copied, an earlier one where there is any; −1 elsewhere. */
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
	let at = 0;
	PLANTED_KINDS.forEach((k, code) => {
		for (let n = 0; n < counts[k]; n++) kinds[order[at++]] = code + 1;
	});

	const clean = order.slice(planted).sort();
	const source = new Int32Array(rows).fill(-1);
	const dupCodes = [PLANTED_KINDS.indexOf('exact-duplicate') + 1, PLANTED_KINDS.indexOf('near-duplicate') + 1];
	for (let row = 0; row < rows; row++) {
		if (!dupCodes.includes(kinds[row])) continue;
		// A copy is submitted after its original, so "keep the first of a pair" is the right call.
		const before = cleanBelow(clean, row);
		source[row] = clean[Math.floor(rng.next() * (before || clean.length))];
	}
	return { kinds, source, counts };
}

/** How many of the sorted clean rows lie below `row`. */
function cleanBelow(clean: Int32Array, row: number): number {
	let lo = 0;
	let hi = clean.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (clean[mid] < row) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export function kindOf(plan: Plan, row: number): PlantedKind | null {
	const code = plan.kinds[row];
	return code === 0 ? null : PLANTED_KINDS[code - 1];
}
