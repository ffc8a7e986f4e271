import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetLoader, ParquetModule } from './parquet-module';

let ready: Promise<ParquetModule> | null = null;

/** parquet-wasm's web build, with its wasm served from our own origin (precached for offline). */
export const loadParquetBrowser: ParquetLoader = () =>
	(ready ??= import('parquet-wasm/esm').then(async (m) => {
		await m.default({ module_or_path: wasmUrl });
		return m;
	}));
