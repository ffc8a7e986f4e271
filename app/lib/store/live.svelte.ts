import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

/**
 * A Dexie query as a rune-friendly value: `.current` re-renders when the tables it read change.
 * @example const projects = new Live(() => listProjects(getDb()), []);
 */
export class Live<T> {
	#value: T;
	#subscribe: () => void;

	constructor(query: () => Promise<T>, initial: T) {
		this.#value = initial;
		this.#subscribe = createSubscriber((update) => {
			const sub = liveQuery(query).subscribe({
				next: (v) => {
					this.#value = v;
					update();
				}
			});
			return () => sub.unsubscribe();
		});
	}

	get current(): T {
		this.#subscribe();
		return this.#value;
	}
}
