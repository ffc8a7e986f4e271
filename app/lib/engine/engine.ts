import type { Variable } from '../dataset/dictionary';
import type { ParquetLoader } from '../io/parquet-module';
import type { EngineApi } from './api';
import { readPage } from './data/page';
import { summarize } from './data/summarize';
import { importFile } from './import';
import { importDemo } from './import/demo';
import { DATA_TABLE } from './import/finish';
import type { SqlDb } from './sql/db';

export interface EngineDeps {
	db: SqlDb & { useProject?(projectId: string): Promise<boolean> };
	parquet: ParquetLoader;
	/** Largest file a tab may import (the browser's DuckDB heap is 4 GB). */
	maxImportBytes?: number;
}

/**
 * The engine: the same calls in the browser worker and in Node.
 * @example expose(createEngine({ db: await openBrowserDb(), parquet: loadParquetBrowser }));
 */
export function createEngine(deps: EngineDeps): EngineApi {
	const { db } = deps;
	let types = new Map<string, Variable['type']>();

	async function refreshTypes(): Promise<number> {
		const t = await db.query(
			`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND table_catalog = current_database()`,
			[DATA_TABLE]
		);
		types = new Map(
			t.toArray().map((r) => [
				String(r.column_name),
				r.data_type === 'DATE' ? 'date' : String(r.data_type).startsWith('TIMESTAMP') ? 'datetime' : 'numeric'
			])
		);
		if (types.size === 0) return 0;
		return Number((await db.query(`SELECT count(*)::INTEGER AS n FROM ${DATA_TABLE}`)).get(0)!.n);
	}

	return {
		async openProject(projectId) {
			const persisted = (await db.useProject?.(projectId)) ?? false;
			const rows = await refreshTypes();
			return { persisted: persisted && rows > 0, rows };
		},
		async importFile(file, opts, onProgress) {
			const result = await importFile(
				{ db, parquet: deps.parquet },
				file,
				{ maxBytes: deps.maxImportBytes, ...opts },
				onProgress
			);
			await db.exec('CHECKPOINT');
			await refreshTypes();
			return result;
		},
		async importDemo(opts, onProgress = () => {}) {
			const result = await importDemo(db, opts, onProgress);
			await db.exec('CHECKPOINT');
			await refreshTypes();
			return result;
		},
		page: (req) => readPage(db, req, types),
		async diagnostics() {
			const r = (await db.query('SELECT version() AS v, (SELECT count(*)::INTEGER FROM range(1000000)) AS n')).get(0)!;
			return { duckdb: String(r.v), rows: Number(r.n) };
		},
		summarize: (variable) => summarize(db, variable)
	};
}
