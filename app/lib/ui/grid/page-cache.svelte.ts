import type { CellValue, PageResult } from '$lib/engine/api';

export const PAGE_ROWS = 100;
const MAX_PAGES = 80;

/**
 * Rows fetched from the engine in pages, never the whole table: the grid asks for a range, the
 * cache fetches missing pages once, and drops the ones farthest from view past MAX_PAGES.
 */
export class PageCache {
	#pages = new Map<number, CellValue[][]>();
	#inFlight = new Set<number>();
	/** Bumped when a page arrives, so views reading rows re-render. */
	version = $state(0);
	error = $state<string | null>(null);

	constructor(
		private readonly fetchPage: (offset: number, limit: number) => Promise<PageResult>,
		private readonly totalRows: number
	) {}

	/** Row `i` (0-based) if loaded: `__row` first, then the columns. */
	row(i: number): CellValue[] | undefined {
		return this.#pages.get(Math.floor(i / PAGE_ROWS))?.[i % PAGE_ROWS];
	}

	ensure(first: number, last: number): void {
		const from = Math.max(0, Math.floor(first / PAGE_ROWS));
		const to = Math.min(Math.floor((this.totalRows - 1) / PAGE_ROWS), Math.floor(last / PAGE_ROWS));
		for (let p = from; p <= to; p++) {
			if (this.#pages.has(p) || this.#inFlight.has(p)) continue;
			this.#inFlight.add(p);
			this.fetchPage(p * PAGE_ROWS, PAGE_ROWS)
				.then((res) => {
					this.#pages.set(p, res.rows);
					this.#evict((from + to) / 2);
					this.version++;
				})
				.catch((e) => (this.error = e instanceof Error ? e.message : String(e)))
				.finally(() => this.#inFlight.delete(p));
		}
	}

	#evict(centre: number): void {
		if (this.#pages.size <= MAX_PAGES) return;
		const far = [...this.#pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
		for (const p of far.slice(0, this.#pages.size - MAX_PAGES)) this.#pages.delete(p);
	}
}
