import { openNativeDb } from '../lib/engine/duckdb/native';
import { openNodeDb } from '../lib/engine/duckdb/node';
import type { SqlDb } from '../lib/engine/sql/db';

/** Which DuckDB binding runs the engine: native (every core, spills to disk) or the browser's WASM build. */
export type Engine = 'native' | 'wasm';
export const ENGINES: readonly Engine[] = ['native', 'wasm'];

/** `--engine` as given (absent means native), or null after a one-line message on stderr naming a bad value. */
export function readEngine(value: string | true | undefined, command: string): Engine | null {
	if (value === undefined) return 'native';
	const found = ENGINES.find((e) => e === value);
	if (!found)
		process.stderr.write(`sieve ${command}: --engine must be ${ENGINES.join(' or ')}, got ${value === true ? 'nothing' : value}\n`);
	return found ?? null;
}

export function openEngine(engine: Engine): Promise<SqlDb> {
	return engine === 'native' ? openNativeDb() : openNodeDb();
}
