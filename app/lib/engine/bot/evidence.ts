import { pearson } from '../careless/pearson';
import type { GridModel } from './grid-model';
import type { PermutationResult } from './permutation-test';

/** A block of items on one scale, as the permutation test saw it. */
export interface EvidenceBlock {
	/** Row-major n × k answers, NaN = missing. */
	matrix: Float64Array;
	model: GridModel;
	scale: [number, number];
}

/** What the bot score weighs, per respondent (EVIDENCE_WORDS says each in words). */
export const EVIDENCE = [
	'perm_z',
	'log_distance',
	'person_total_r',
	'irv_rel',
	'entropy',
	'longstring_share',
	'midpoint_share',
	'extreme_share'
] as const;

export type Evidence = (typeof EVIDENCE)[number];

/**
 * Per respondent (row-major n × EVIDENCE.length): the permutation test's z, the log of its distance
 * per answered item, and answer-pattern features averaged over the blocks. NaN where a respondent
 * answered too little to tell.
 */
export function evidenceRows(blocks: EvidenceBlock[], perm: PermutationResult, n: number): Float64Array {
	const d = EVIDENCE.length;
	const out = new Float64Array(n * d).fill(NaN);
	const sums = new Float64Array(d);
	const found = new Float64Array(d);
	const options = blocks.map(({ scale: [lo, hi] }) => (hi - lo >= 0 && hi - lo < 1000 ? new Int32Array(hi - lo + 1) : undefined));
	for (let r = 0; r < n; r++) {
		if (!(perm.answered[r] > 0)) continue;
		const at = r * d;
		out[at] = perm.z[r];
		out[at + 1] = Math.log(Math.max(perm.distance[r], 1e-9) / perm.answered[r]);
		sums.fill(0);
		found.fill(0);
		for (let i = 0; i < blocks.length; i++) pattern(blocks[i], r, sums, found, options[i]);
		for (let j = 2; j < d; j++) out[at + j] = found[j] ? sums[j] / found[j] : NaN;
	}
	return out;
}

function pattern(
	{ matrix, model, scale }: EvidenceBlock,
	r: number,
	sums: Float64Array,
	found: Float64Array,
	counts: Int32Array | undefined
): void {
	const k = model.k;
	const row = matrix.subarray(r * k, (r + 1) * k);
	const a = answerPattern(row, k, scale, counts);
	if (a.answered < 2) return;
	add(sums, found, 2, pearson(row, model.means, k));
	add(sums, found, 3, a.sd / Math.max(1, (scale[1] - scale[0]) / 2));
	add(sums, found, 4, a.entropy);
	add(sums, found, 5, a.longest / a.answered);
	add(sums, found, 6, a.midpoint / a.answered);
	add(sums, found, 7, a.extreme / a.answered);
}

function add(sums: Float64Array, found: Float64Array, j: number, v: number): void {
	if (Number.isFinite(v)) {
		sums[j] += v;
		found[j]++;
	}
}

export interface AnswerPattern {
	answered: number;
	/** Answers within half a point of the scale's middle, and at its ends. */
	midpoint: number;
	extreme: number;
	/** Entropy of the options chosen over its maximum, log(options). */
	entropy: number;
	/** Longest run of one answer in consecutive items (a missing answer breaks it). */
	longest: number;
	/** Sample SD of the answers (IRV). */
	sd: number;
}

/** How one respondent used the scale [lo, hi] over `k` answers (NaN = missing); `counts` is scratch space of one slot per option. */
export function answerPattern(row: ArrayLike<number>, k: number, [lo, hi]: [number, number], counts?: Int32Array): AnswerPattern {
	let answered = 0;
	let sum = 0;
	let midpoint = 0;
	let extreme = 0;
	let run = 0;
	let longest = 0;
	// answers are codes on the scale: counted by position, with a map only for values off it (a million rows allocate no maps)
	const onScale = counts?.length === Math.max(1, hi - lo + 1) ? counts.fill(0) : new Int32Array(Math.max(1, hi - lo + 1));
	let offScale: Map<number, number> | null = null;
	for (let j = 0; j < k; j++) {
		const v = row[j];
		if (v !== v) {
			run = 0;
			continue;
		}
		run = j > 0 && row[j - 1] === v ? run + 1 : 1;
		longest = Math.max(longest, run);
		answered++;
		sum += v;
		if (Math.abs(v - (lo + hi) / 2) <= 0.5) midpoint++;
		if (v === lo || v === hi) extreme++;
		if (Number.isInteger(v - lo) && v >= lo && v <= hi) onScale[v - lo]++;
		else (offScale ??= new Map()).set(v, (offScale.get(v) ?? 0) + 1);
	}
	const mean = sum / answered;
	let ss = 0;
	for (let j = 0; j < k; j++) if (row[j] === row[j]) ss += (row[j] - mean) ** 2;
	let h = 0;
	const add = (m: number) => {
		if (m) h -= (m / answered) * Math.log(m / answered);
	};
	onScale.forEach(add);
	offScale?.forEach(add);
	return {
		answered,
		midpoint,
		extreme,
		entropy: h / Math.log(hi - lo + 1),
		longest,
		sd: answered > 1 ? Math.sqrt(ss / (answered - 1)) : NaN
	};
}
