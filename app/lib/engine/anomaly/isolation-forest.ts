import { createRng, type Rng } from '../../demo/rng';

/** One isolation tree in flat arrays; a leaf has feature −1 and `size` training rows. */
interface Tree {
	feature: Int32Array;
	threshold: Float64Array;
	left: Int32Array;
	right: Int32Array;
	size: Int32Array;
}

export interface IsolationForest {
	trees: Tree[];
	/** Columns of the matrix the forest was grown on. */
	d: number;
	/** c(ψ): the average path length of an unsuccessful search in a binary tree of ψ rows. */
	norm: number;
}

export interface ForestOptions {
	trees?: number;
	/** Rows per tree (ψ). */
	sample?: number;
	seed?: number;
}

export interface IsolationScores {
	/** 2^(−E[h(x)] / c(ψ)): near 1 is isolated at once, 0.5 and below is ordinary. */
	score: Float64Array;
	/** Per row, `top` column indexes that did most of the isolating, strongest first (−1 when fewer). */
	columns: Int32Array;
	top: number;
}

const EULER = 0.5772156649;
const averagePath = (m: number) => (m <= 1 ? 0 : m === 2 ? 1 : 2 * (Math.log(m - 1) + EULER) - (2 * (m - 1)) / m);

/**
 * An isolation forest (Liu, Ting & Zhou 2008) over a row-major n × d matrix without missing values.
 * Deterministic for a seed: each tree draws its own ψ rows, and each node a column with spread
 * and a cut uniform within that column's range.
 * @example const forest = fitIsolationForest(matrix, n, d, { seed: 1 }); const { score } = scoreIsolation(forest, matrix, n);
 */
export function fitIsolationForest(matrix: Float64Array, n: number, d: number, opts: ForestOptions = {}): IsolationForest {
	const rng = createRng(opts.seed ?? 1);
	const psi = Math.min(opts.sample ?? 256, n);
	const depth = Math.ceil(Math.log2(Math.max(2, psi)));
	const trees: Tree[] = [];
	for (let t = 0; t < (opts.trees ?? 100); t++) {
		const rows = Int32Array.from({ length: psi }, () => Math.floor(rng.next() * n));
		trees.push(grow(matrix, d, rows, depth, rng));
	}
	return { trees, d, norm: averagePath(psi) };
}

function grow(matrix: Float64Array, d: number, rows: Int32Array, maxDepth: number, rng: Rng): Tree {
	const feature: number[] = [];
	const threshold: number[] = [];
	const left: number[] = [];
	const right: number[] = [];
	const size: number[] = [];
	const candidates: number[] = [];
	const node = (lo: number, hi: number, depth: number): number => {
		const id = feature.length;
		feature.push(-1);
		threshold.push(0);
		left.push(-1);
		right.push(-1);
		size.push(hi - lo);
		if (depth >= maxDepth || hi - lo <= 1) return id;
		candidates.length = 0;
		const mins: number[] = [];
		const maxs: number[] = [];
		for (let j = 0; j < d; j++) {
			let min = Infinity;
			let max = -Infinity;
			for (let i = lo; i < hi; i++) {
				const v = matrix[rows[i] * d + j];
				if (v < min) min = v;
				if (v > max) max = v;
			}
			mins.push(min);
			maxs.push(max);
			if (max > min) candidates.push(j);
		}
		if (!candidates.length) return id;
		const j = candidates[Math.floor(rng.next() * candidates.length)];
		const cut = mins[j] + rng.next() * (maxs[j] - mins[j]);
		let mid = lo;
		for (let i = lo; i < hi; i++) {
			if (matrix[rows[i] * d + j] < cut) {
				const t = rows[i];
				rows[i] = rows[mid];
				rows[mid++] = t;
			}
		}
		feature[id] = j;
		threshold[id] = cut;
		left[id] = node(lo, mid, depth + 1);
		right[id] = node(mid, hi, depth + 1);
		return id;
	};
	node(0, rows.length, 0);
	return {
		feature: Int32Array.from(feature),
		threshold: Float64Array.from(threshold),
		left: Int32Array.from(left),
		right: Int32Array.from(right),
		size: Int32Array.from(size)
	};
}

/**
 * Scores rows and names the columns that isolate each one: every split on a row's path credits its
 * column with the share of the node's rows the split cut away from the row's side, so a cut that
 * sets the row apart from almost everyone counts most.
 */
export function scoreIsolation(forest: IsolationForest, matrix: Float64Array, n: number, top = 3): IsolationScores {
	const { d, trees, norm } = forest;
	const score = new Float64Array(n);
	const columns = new Int32Array(n * top).fill(-1);
	const credit = new Float64Array(d);
	for (let r = 0; r < n; r++) {
		credit.fill(0);
		let total = 0;
		for (const t of trees) {
			let at = 0;
			let depth = 0;
			while (t.feature[at] >= 0) {
				const j = t.feature[at];
				const next = matrix[r * d + j] < t.threshold[at] ? t.left[at] : t.right[at];
				credit[j] += 1 - t.size[next] / t.size[at];
				at = next;
				depth++;
			}
			total += depth + averagePath(t.size[at]);
		}
		score[r] = Math.pow(2, -total / trees.length / norm);
		for (let s = 0; s < top; s++) {
			let best = -1;
			for (let j = 0; j < d; j++) if (credit[j] > 0 && (best < 0 || credit[j] > credit[best])) best = j;
			if (best < 0) break;
			columns[r * top + s] = best;
			credit[best] = 0;
		}
	}
	return { score, columns, top };
}
