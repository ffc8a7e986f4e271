import type { ParquetLoader, ParquetModule } from './parquet-module';

/** parquet-wasm's Node build instantiates its wasm synchronously on import. */
export const loadParquetNode: ParquetLoader = async () => (await import('parquet-wasm/node')) as unknown as ParquetModule;
