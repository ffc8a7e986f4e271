import type { CellValue, PageResult } from '$lib/engine/api';

export const PAGE_ROWS = 100;
const MAX_PAGES = 80;
const MAX_IN_FLIGHT = 2;

/**
 * Rows fetched from the engine in pages, never the whole table. The grid says which rows it wants;
 * the cache fetches missing pages nearest the view first, at most two at a time, and forgets
 * wanted pages the view has already left — a fast scroll must not queue thousands of stale queries
 * in the single-threaded engine.
 */
export class PageCache {
	#pages = new Map<number, CellValue[][]>();
	#inFlight = new Set<number>();
	/** Pages wanted now, most wanted first. */
	#wanted: number[] = [];
	#centre = 0;
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

	/** Rows [first, last] are wanted now; `centre` is the row the user looks at. */
	ensure(first: number, last: number, centre = first): void {
		const from = Math.max(0, Math.floor(first / PAGE_ROWS));
		const to = Math.min(Math.floor((this.totalRows - 1) / PAGE_ROWS), Math.floor(last / PAGE_ROWS));
		const c = Math.min(to, Math.max(from, Math.floor(Math.max(0, centre) / PAGE_ROWS)));
		const order: number[] = [];
		for (let d = 0; c - d >= from || c + d <= to; d++) {
			if (c + d <= to) order.push(c + d);
			if (d > 0 && c - d >= from) order.push(c - d);
		}
		this.#want(order, c);
	}

	/** Scattered rows (0-based) are wanted now, e.g. the visible rows of a filtered list. */
	ensureRows(rows: readonly number[]): void {
		const pages = [...new Set(rows.filter((r) => r >= 0 && r < this.totalRows).map((r) => Math.floor(r / PAGE_ROWS)))];
		this.#want(pages, pages[0] ?? 0);
	}

	#want(pages: number[], centre: number): void {
		this.#wanted = pages;
		this.#centre = centre;
		this.#pump();
	}

	#next(): number | null {
		return this.#wanted.find((p) => !this.#pages.has(p) && !this.#inFlight.has(p)) ?? null;
	}

	#pump(): void {
		while (this.#inFlight.size < MAX_IN_FLIGHT) {
			const p = this.#next();
			if (p === null) return;
			this.#inFlight.add(p);
			this.fetchPage(p * PAGE_ROWS, PAGE_ROWS)
				.then((res) => {
					this.#pages.set(p, res.rows);
					this.#evict();
					this.version++;
				})
				.catch((e) => (this.error = e instanceof Error ? e.message : String(e)))
				.finally(() => {
					this.#inFlight.delete(p);
					this.#pump();
				});
		}
	}

	#evict(): void {
		if (this.#pages.size <= MAX_PAGES) return;
		const centre = this.#centre;
		const far = [...this.#pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
		for (const p of far.slice(0, this.#pages.size - MAX_PAGES)) this.#pages.delete(p);
	}
}
