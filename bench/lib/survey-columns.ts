import type { Dictionary, Variable } from '../../app/lib/dataset/dictionary';
import type { ColumnBatch } from '../../app/lib/io/batch';

/** The SPSS benchmarks' synthetic survey: 40 numeric and 20 string variables. */
const NUMERIC = 40;
const STRING = 20;
const none = { values: [], range: null };

const variables: Variable[] = [
	...Array.from({ length: NUMERIC }, (_, i): Variable => ({
		name: `n${i}`,
		label: null,
		type: 'numeric',
		width: 8,
		format: i % 2 ? 'F8.0' : 'F10.3',
		measure: 'scale',
		valueLabels: {},
		missing: none
	})),
	...Array.from({ length: STRING }, (_, i): Variable => ({
		name: `s${i}`,
		label: null,
		type: 'string',
		width: i % 4 === 0 ? 40 : 12,
		format: i % 4 === 0 ? 'A40' : 'A12',
		measure: 'nominal',
		valueLabels: {},
		missing: none
	}))
];

export const SURVEY_DICTIONARY: Dictionary = { variables, encoding: 'UTF-8', warnings: [] };

const words = ['yes', 'no', 'maybe', 'Zürich', 'n/a', '', 'strongly agree', 'ok'];

/** A seeded generator of uniform numbers in [0, 1), so runs are comparable. */
export function seededRandom(seed = 1): () => number {
	return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Rows [start, start + n): small integer codes, reals with 3 decimals, 5 % sysmis, short answers. */
export function surveyBatch(start: number, n: number, rand: () => number): ColumnBatch {
	const columns = variables.map((v, c) => {
		if (v.type === 'string')
			return Array.from({ length: n }, (_, r) => (c % 4 === 0 ? `${words[(r + c) % 8]} #${start + r}` : words[Math.floor(rand() * 8)]));
		const col = new Float64Array(n);
		for (let r = 0; r < n; r++) col[r] = c % 2 ? Math.floor(rand() * 7) + 1 : rand() < 0.05 ? NaN : Math.round(rand() * 1e6) / 1000;
		return col;
	});
	return { length: n, columns };
}
