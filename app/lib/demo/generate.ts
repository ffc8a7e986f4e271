import type { Dictionary } from '../dataset/dictionary';
import type { ColumnBatch } from '../io/batch';
import { fillClean } from './clean';
import { demoConfig, type DemoConfig } from './config';
import { defaultRates, type PlantRates, type PlantedKind, type PlantedProblem } from './kinds';
import { ATTENTION_ANSWER, ATTENTION_ITEM, BASE_COLUMNS, buildLayout } from './layout';
import { kindOf, makePlan } from './plan';
import { plantFor } from './plant';
import { ridOf, type GenContext, type OpenEndStyle, type Row } from './row';

export interface DemoOptions {
	/** Respondents; default 2,000. */
	rows?: number;
	seed?: number;
	/** Columns, at least 40 (the core questionnaire); extra importance grids pad it up. */
	cols?: number;
	/** Share of respondents per planted kind; default 0.03 each. */
	rates?: Partial<PlantRates>;
	/** Rows per batch; bounds memory for large files. */
	sliceRows?: number;
	/** First fieldwork day, ms since epoch (UTC). */
	fieldworkStart?: number;
	/** 'prose' for benchmarks: mostly unique, multilingual open ends; default 'phrases'. */
	openEnds?: OpenEndStyle;
}

export interface Demo {
	dictionary: Dictionary;
	rows: number;
	/** Yields the rows in slices; each call starts again and yields identical data. */
	batches(): Iterable<ColumnBatch>;
	/** Planted problems in row order: the ground truth kept beside the data. */
	truth: PlantedProblem[];
	counts: Record<PlantedKind, number>;
	config: DemoConfig;
}

const DEFAULT_START = Date.UTC(2026, 2, 2);

function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A seeded, realistic customer survey with planted data-quality problems.
 * @example const demo = generateDemo({ rows: 2000, seed: 7 }); for (const b of demo.batches()) ingest(b);
 */
export function generateDemo(opts: DemoOptions = {}): Demo {
	const rows = opts.rows ?? 2000;
	const seed = opts.seed ?? 7;
	const sliceRows = opts.sliceRows ?? 50_000;
	if (!Number.isInteger(rows) || rows < 1) throw new Error(`rows must be a positive whole number, got ${rows}`);
	if (!Number.isInteger(sliceRows) || sliceRows < 1) throw new Error(`sliceRows must be a positive whole number, got ${sliceRows}`);
	const layout = buildLayout(opts.cols ?? BASE_COLUMNS);
	const ctx: GenContext = {
		seed,
		layout,
		fieldworkStart: opts.fieldworkStart ?? DEFAULT_START,
		fieldworkDays: 28,
		openEnds: opts.openEnds ?? 'phrases'
	};
	const plan = makePlan(rows, seed, { ...defaultRates(), ...opts.rates });

	const truth: PlantedProblem[] = [];
	for (let i = 0; i < rows; i++) {
		const kind = kindOf(plan, i);
		if (kind) truth.push({ rid: ridOf(i), kind, detail: plantFor(kind, i, plan.source[i], ctx).detail });
	}

	const fillRow = (row: Row, i: number): void => {
		fillClean(row, i, ctx);
		const kind = kindOf(plan, i);
		if (kind) plantFor(kind, i, plan.source[i], ctx).apply(row);
	};

	function* batches(): Generator<ColumnBatch> {
		const vars = layout.dictionary.variables;
		const row: Row = new Array(vars.length).fill(null);
		for (let first = 0; first < rows; first += sliceRows) {
			const length = Math.min(sliceRows, rows - first);
			const columns = vars.map((v) => (v.type === 'string' ? new Array<string | null>(length).fill(null) : new Float64Array(length)));
			for (let r = 0; r < length; r++) {
				fillRow(row, first + r);
				for (let c = 0; c < columns.length; c++) columns[c][r] = row[c] as never;
			}
			yield { length, columns };
		}
	}

	return {
		dictionary: layout.dictionary,
		rows,
		batches,
		truth,
		counts: plan.counts,
		config: demoConfig(
			layout,
			{ variable: ATTENTION_ITEM, expected: ATTENTION_ANSWER },
			{ start: isoDay(ctx.fieldworkStart), end: isoDay(ctx.fieldworkStart + ctx.fieldworkDays * 86_400_000) }
		)
	};
}
