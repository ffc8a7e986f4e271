import type { ParquetLoader, ParquetModule } from './parquet-module';
import { isWasmTrap, type TrapWatcher } from './wasm-traps';

/** Node: a trap arrives as an uncaught exception; anything else is rethrown so Node still crashes on it. */
const watchTraps: TrapWatcher = (onTrap) => {
	const handler = (e: unknown) => {
		if (isWasmTrap(e)) return onTrap(e);
		process.off('uncaughtException', handler);
		setImmediate(() => {
			throw e;
		});
	};
	process.on('uncaughtException', handler);
	return () => process.off('uncaughtException', handler);
};

let ready: Promise<ParquetModule> | null = null;

/** parquet-wasm's Node build instantiates its wasm synchronously on import. */
export const loadParquetNode: ParquetLoader = () =>
	(ready ??= import('parquet-wasm/node').then((m) => ({ ...(m as unknown as ParquetModule), watchTraps })));
