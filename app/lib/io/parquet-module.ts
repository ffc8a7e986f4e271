import type * as parquetWasm from 'parquet-wasm/esm';

/** parquet-wasm, initialised: the browser loads its wasm from our own assets, Node from node_modules. */
export type ParquetModule = typeof parquetWasm;

export type ParquetLoader = () => Promise<ParquetModule>;
