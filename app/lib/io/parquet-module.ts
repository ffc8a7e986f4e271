import type * as parquetWasm from 'parquet-wasm/esm';
import type { TrapWatcher } from './wasm-traps';

/** parquet-wasm, initialised: the browser loads its wasm from our own assets, Node from node_modules. */
export type ParquetModule = typeof parquetWasm & {
	/** Reports wasm traps that escape parquet-wasm's promises (see wasm-traps.ts). */
	watchTraps?: TrapWatcher;
};

export type ParquetLoader = () => Promise<ParquetModule>;
