/**
 * parquet-wasm drives its async reads through wasm-bindgen futures: a Rust panic in one
 * (`RuntimeError: unreachable` on damaged files) is thrown from a promise callback, so it reaches
 * the global error handlers instead of the promise we await, which then never settles.
 */
export type TrapWatcher = (onTrap: (error: Error) => void) => () => void;

export function isWasmTrap(e: unknown): e is Error {
	return e instanceof WebAssembly.RuntimeError;
}

/** Runs `run`, rejecting with the trap if a wasm trap reaches the global handlers meanwhile. */
export async function withTrapWatch<T>(watch: TrapWatcher | undefined, run: () => Promise<T>): Promise<T> {
	if (!watch) return run();
	let unwatch = () => {};
	const trapped = new Promise<never>((_, reject) => (unwatch = watch(reject)));
	try {
		return await Promise.race([run(), trapped]);
	} finally {
		unwatch();
	}
}
