import { createRng } from '../../../demo/rng';
import { nearest, nearestVector, sphericalKMeans, type Clustering } from './kmeans';
import { themeTermsRanked } from './label';
import { silhouette } from './silhouette';
import { termMatrix, termSpace, vectorize, type TermVector } from './term-matrix';
import { themeFeatures, themeTerms } from './terms';

export interface Theme {
	/** Its top three terms, until someone names it. */
	label: string;
	terms: string[];
	/** Respondents whose answer belongs to it. */
	count: number;
	/** Answers closest to its centre. */
	examples: string[];
}

export interface ThemeCoding {
	/** Largest first. */
	themes: Theme[];
	/** Per distinct answer, its index in `themes`; −1 for non-answers and answers sharing no term. */
	assign: Int32Array;
	/** How cleanly the answers split (simplified silhouette of the chosen clustering, −1…1). */
	silhouette: number;
}

export interface ThemeOptions {
	/** Exactly this many themes; otherwise 2…maxThemes, whichever splits the answers most cleanly. */
	themes?: number;
	maxThemes?: number;
	seed?: number;
	/** Distinct answers the themes are learnt from; every answer is then put in its nearest theme. */
	sample?: number;
	/** Function words of the answers' languages (see `stopWords`), left out of every theme. */
	stopWords?: ReadonlySet<number>;
}

const STARTS = 4;
const PROBE = 1000;
const TERMS = 8;
const EXAMPLES = 3;

/**
 * Groups one question's answers into themes on the device: TF-IDF over words and their character
 * 4-grams (character pairs in unspaced scripts), spherical k-means on a sample, the number of
 * themes chosen by silhouette, each theme named by the terms that set it apart, then every answer
 * put in its nearest theme. `texts` are distinct answers, `counts` their respondents.
 */
export function findThemes(texts: readonly string[], counts: ArrayLike<number>, opts: ThemeOptions = {}): ThemeCoding {
	const { maxThemes = 10, seed = 1, sample = 3000 } = opts;
	const picked: number[] = [];
	const features: number[][] = [];
	for (const d of shuffled(texts.length, seed)) {
		if (picked.length >= sample) break;
		const f = themeFeatures(texts[d], opts.stopWords);
		if (f.length === 0) continue;
		picked.push(d);
		features.push(f);
	}
	const weights = picked.map((d) => counts[d]);
	const space = termSpace(features, weights);
	const m = termMatrix(space, features, weights);
	const none: ThemeCoding = { themes: [], assign: new Int32Array(texts.length).fill(-1), silhouette: 0 };
	const most = opts.themes ?? Math.min(maxThemes, Math.floor(picked.length / 5));
	if (most < 2 && !opts.themes) return none;
	// the number of themes is chosen on a smaller sample: one start per k is enough to compare
	const probe = termMatrix(space, features.slice(0, PROBE), weights.slice(0, PROBE));
	let chosen = opts.themes ?? 0;
	let bestScore = -Infinity;
	for (let k = 2; !opts.themes && k <= most; k++) {
		const c = sphericalKMeans(probe, k, createRng(seed * 7919 + k));
		const s = c.k ? silhouette(probe, c) : -Infinity;
		if (s > bestScore) [chosen, bestScore] = [k, s];
	}
	let best: Clustering | null = null;
	// k-means++ still lands in poor optima on short answers: the tightest of a few starts wins
	for (let start = 0; chosen && start < STARTS; start++) {
		const next = sphericalKMeans(m, chosen, createRng(seed * 7919 + chosen * 31 + start));
		if (next.k && (!best || next.cohesion > best.cohesion)) best = next;
	}
	if (!best) return none;
	const assign = new Int32Array(texts.length).fill(-1);
	const size = new Float64Array(best.k);
	const v: TermVector = { ids: [], values: [] };
	const f: number[] = [];
	for (let d = 0; d < texts.length; d++) {
		if (themeFeatures(texts[d], opts.stopWords, f).length === 0) continue;
		vectorize(space, f, v);
		const [j, cos] = nearestVector(v.ids, v.values, best, space.vocab.length);
		if (cos <= 0) continue;
		assign[d] = j;
		size[j] += counts[d];
	}
	// names and examples come from the sample the themes were learnt on
	const sampleAssign = Int32Array.from(picked, (d) => assign[d]);
	const cosine = Float64Array.from(picked, (_, i) => nearest(m, i, best)[1]);
	const docs = picked.map((d) => themeTerms(texts[d], opts.stopWords));
	const terms = themeTermsRanked(docs, weights, sampleAssign, best.k, TERMS);
	const order = [...size.keys()].filter((j) => size[j] > 0).sort((a, b) => size[b] - size[a] || a - b);
	const rank = new Int32Array(best.k).fill(-1);
	order.forEach((j, r) => (rank[j] = r));
	const themes = order.map((j) => ({
		label: terms[j].slice(0, 3).join(' · '),
		terms: terms[j],
		count: size[j],
		examples: [...picked.keys()]
			.filter((i) => sampleAssign[i] === j)
			.sort((a, b) => cosine[b] - cosine[a] || weights[b] - weights[a] || a - b)
			.slice(0, EXAMPLES)
			.map((i) => texts[picked[i]])
	}));
	return { themes, assign: assign.map((j) => (j < 0 ? -1 : rank[j])), silhouette: silhouette(m, best) };
}

/** 0…n−1 in a seeded random order. */
function shuffled(n: number, seed: number): Int32Array {
	const rng = createRng(seed);
	const out = Int32Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = rng.int(0, i);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
