/**
 * Wraps an API that needs async set-up so a worker can expose it at once; each call waits for the
 * set-up, which runs once.
 */
export function lazyApi<T extends object>(create: () => Promise<T>): T {
	let api: Promise<T> | null = null;
	return new Proxy({} as T, {
		get(_, key) {
			if (key === 'then') return undefined;
			return async (...args: unknown[]) => {
				const target = await (api ??= create());
				const fn = (target as Record<PropertyKey, unknown>)[key];
				if (typeof fn !== 'function') throw new Error(`no such engine call: ${String(key)}`);
				return fn.apply(target, args);
			};
		}
	});
}
