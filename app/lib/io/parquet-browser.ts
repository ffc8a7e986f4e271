import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetLoader, ParquetModule } from './parquet-module';
import { isWasmTrap, type TrapWatcher } from './wasm-traps';

/** Browser worker: a trap arrives as an error event or an unhandled rejection; only traps are claimed. */
const watchTraps: TrapWatcher = (onTrap) => {
	const onError = (e: ErrorEvent) => {
		if (!isWasmTrap(e.error)) return;
		e.preventDefault();
		onTrap(e.error);
	};
	const onRejection = (e: PromiseRejectionEvent) => {
		if (!isWasmTrap(e.reason)) return;
		e.preventDefault();
		onTrap(e.reason);
	};
	globalThis.addEventListener('error', onError);
	globalThis.addEventListener('unhandledrejection', onRejection);
	return () => {
		globalThis.removeEventListener('error', onError);
		globalThis.removeEventListener('unhandledrejection', onRejection);
	};
};

let ready: Promise<ParquetModule> | null = null;

/** parquet-wasm's web build, with its wasm served from our own origin (precached for offline). */
export const loadParquetBrowser: ParquetLoader = () =>
	(ready ??= import('parquet-wasm/esm').then(async (m) => {
		await m.default({ module_or_path: wasmUrl });
		return { ...m, watchTraps };
	}));
