import { generateDemo, type DemoOptions, type PlantedKind } from '../../demo';
import type { SqlDb } from '../sql/db';
import { finishImport } from './finish';
import { loadBatches } from './load-batches';
import type { ImportProgress, ImportResult } from './types';

export interface DemoImport extends ImportResult {
	seed: number;
	/** How many respondents of each planted kind the generated survey holds. */
	planted: Record<PlantedKind, number>;
}

/** Generates the demo survey inside the engine and imports it like any file. */
export async function importDemo(db: SqlDb, opts: DemoOptions, onProgress: (p: ImportProgress) => void): Promise<DemoImport> {
	const demo = generateDemo(opts);
	const rows = await loadBatches(db, demo.dictionary, demo.batches(), (rows) =>
		onProgress({ phase: 'reading', done: rows, total: demo.rows, rows })
	);
	const dictionary = await finishImport(db, { encoding: 'UTF-8', inferTypes: false, dictionary: demo.dictionary }, (p) =>
		onProgress({ ...p, rows })
	);
	return { format: 'demo', rows, dictionary, seed: opts.seed ?? 7, planted: demo.counts, config: demo.config };
}
