/**
 * Answers as rows of L2-normalised TF-IDF weights (sparse, CSR), each distinct answer weighted by
 * how many respondents gave it. Terms that too few or too many respondents use carry no theme.
 */
export interface TermMatrix {
	vocab: number[];
	indptr: Int32Array;
	indices: Int32Array;
	values: Float32Array;
	/** Respondents per row. */
	weights: Float64Array;
}

export interface TermMatrixOptions {
	/** Fewest respondents who must use a term (default 2). */
	minRespondents?: number;
	/** Largest share of respondents a term may reach and still tell themes apart (default 0.5). */
	maxShare?: number;
	/** Most terms kept, the most used first (default 5,000). */
	maxTerms?: number;
}

/** Respondents using each term (a term counted once per answer). */
export function termReach(docs: readonly number[][], weights: ArrayLike<number>): Map<number, number> {
	const reach = new Map<number, number>();
	for (let d = 0; d < docs.length; d++) for (const t of new Set(docs[d])) reach.set(t, (reach.get(t) ?? 0) + weights[d]);
	return reach;
}

/** Terms (features) kept and their inverse document frequencies, learnt from a sample of answers. */
export interface TermSpace {
	/** Term hashes (see `themeFeatures`). */
	vocab: number[];
	index: Map<number, number>;
	idf: Float64Array;
}

export function termSpace(docs: readonly number[][], weights: ArrayLike<number>, opts: TermMatrixOptions = {}): TermSpace {
	const { minRespondents = 2, maxShare = 0.5, maxTerms = 5000 } = opts;
	let total = 0;
	for (let d = 0; d < docs.length; d++) total += weights[d];
	const reach = termReach(docs, weights);
	const vocab = [...reach]
		.filter(([, n]) => n >= minRespondents && n <= maxShare * total)
		.sort((a, b) => b[1] - a[1] || a[0] - b[0])
		.slice(0, maxTerms)
		.map(([t]) => t);
	return {
		vocab,
		index: new Map(vocab.map((t, i) => [t, i])),
		idf: Float64Array.from(vocab, (t) => Math.log((1 + total) / (1 + reach.get(t)!)) + 1)
	};
}

/** One answer's unit TF-IDF vector in the space (term ids; empty when it shares no term). */
export interface TermVector {
	ids: number[];
	values: number[];
}

const counts = new Map<number, number>();

export function vectorize(space: TermSpace, features: readonly number[], out: TermVector = { ids: [], values: [] }): TermVector {
	counts.clear();
	for (const t of features) {
		const i = space.index.get(t);
		if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
	}
	out.ids.length = 0;
	out.values.length = 0;
	let norm = 0;
	for (const [i, n] of counts) {
		const w = (1 + Math.log(n)) * space.idf[i];
		out.ids.push(i);
		out.values.push(w);
		norm += w * w;
	}
	norm = Math.sqrt(norm) || 1;
	for (let j = 0; j < out.values.length; j++) out.values[j] /= norm;
	return out;
}

/** The answers as rows of the space. */
export function termMatrix(space: TermSpace, docs: readonly number[][], weights: ArrayLike<number>): TermMatrix {
	const indptr = new Int32Array(docs.length + 1);
	const indices: number[] = [];
	const values: number[] = [];
	for (let d = 0; d < docs.length; d++) {
		const v = vectorize(space, docs[d]);
		for (let j = 0; j < v.ids.length; j++) {
			indices.push(v.ids[j]);
			values.push(v.values[j]);
		}
		indptr[d + 1] = indices.length;
	}
	return {
		vocab: space.vocab,
		indptr,
		indices: Int32Array.from(indices),
		values: Float32Array.from(values),
		weights: Float64Array.from({ length: docs.length }, (_, d) => weights[d])
	};
}

/** Cosine of row `d` with a dense unit vector (`centroids` at `offset`). */
export function rowDot(m: TermMatrix, d: number, centroids: Float64Array, offset: number): number {
	let s = 0;
	for (let j = m.indptr[d]; j < m.indptr[d + 1]; j++) s += m.values[j] * centroids[offset + m.indices[j]];
	return s;
}
