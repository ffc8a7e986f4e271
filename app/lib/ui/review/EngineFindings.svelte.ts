import type { EngineApi } from '$lib/engine/api';
import type { Severity } from '$lib/engine/checks/types';
import { PageCache } from '$lib/ui/grid/page-cache.svelte';
import type { FindingsSource, RespondentQuality, Verdict } from './findings';

const MAX_VERDICT_ROWS = 100_000;
const CHUNK = 1000;
const UNFLAGGED: RespondentQuality = { score: 100, verdict: 'keep', flags: [], reasons: [] };

/**
 * The last check run's scores as the review table reads them: quality by row through a PageCache
 * over `respondentRange` (made dense: rows without findings score 100), and the rows of a verdict
 * loaded on first use.
 */
export class EngineFindings implements FindingsSource {
	available = $state(false);
	/** Bumped when a verdict's rows arrive. */
	version = $state(0);
	#cache: PageCache;
	#verdicts = new Map<Verdict, number[] | null>();
	#lists = new Map<string, number[] | null>();
	#bots: Map<number, number> | null | undefined;
	/** Checks the filter offers, with titles. */
	checks = $state.raw<{ id: string; title: string }[]>([]);

	constructor(
		private readonly engine: Pick<
			EngineApi,
			'respondents' | 'respondentRange' | 'flaggedRows' | 'rowsByScore' | 'rowsByCheck' | 'listChecks' | 'botProbabilities'
		>,
		total: number
	) {
		this.#cache = new PageCache(async (offset, limit) => {
			const scored = new Map(((await engine.respondentRange(offset + 1, offset + limit)) ?? []).map((r) => [r.row, r]));
			const rows = Array.from({ length: limit }, (_, i) => {
				const r = scored.get(offset + 1 + i);
				return r
					? [r.row, r.score, r.verdict, JSON.stringify(r.checks), JSON.stringify(r.reasons)]
					: [offset + 1 + i, null, null, null, null];
			});
			return { offset, rows };
		}, total);
	}

	/** Whether the project has check results; the engine has none before the first run. */
	async probe(): Promise<void> {
		try {
			this.available = (await this.engine.respondentRange(1, 1)) !== null;
			if (this.available) this.checks = (await this.engine.listChecks()).map(({ id, title }) => ({ id, title }));
		} catch {
			this.available = false;
		}
	}

	quality(row: number): RespondentQuality | undefined {
		if (!this.available) return undefined;
		void this.#cache.version;
		const cells = this.#cache.row(row - 1);
		if (!cells) {
			this.#cache.ensure(row - 1, row - 1);
			return undefined;
		}
		if (cells[1] === null) return UNFLAGGED;
		return {
			score: Number(cells[1]),
			verdict: cells[2] as Verdict,
			flags: JSON.parse(String(cells[3])) as string[],
			reasons: JSON.parse(String(cells[4])) as RespondentQuality['reasons']
		};
	}

	/** Rows with this verdict among the scored ones (`keep` misses unflagged rows: the filter offers remove and review). */
	rowsWithVerdict(verdict: Verdict): number[] {
		void this.version;
		const rows = this.#verdicts.get(verdict);
		if (rows) return rows;
		if (rows === undefined && this.available) {
			this.#verdicts.set(verdict, null);
			void this.#load(verdict);
		}
		return [];
	}

	/** Rows with a finding of this check, severity and/or variable; null while loading. */
	rowsFlagged(check: string | null, severity: Severity | 'any' | null, variable: string | null = null): number[] | null {
		return this.#list(JSON.stringify(['flagged', check, severity, variable]), () => this.engine.flaggedRows({ check, severity, variable }));
	}

	/** Flagged rows grouped by their most severe check; empty until loaded. */
	groupedByCheck(): number[] {
		return this.#list('by-check', () => this.engine.rowsByCheck()) ?? [];
	}

	botProbability(row: number): number | undefined {
		return this.#botMap()?.get(row);
	}

	/** Rows the bot check flagged at this probability or above; null while loading. */
	rowsWithBot(min: number): number[] | null {
		const bots = this.#botMap();
		return bots ? [...bots].filter(([, p]) => p >= min).map(([row]) => row) : null;
	}

	#botMap(): Map<number, number> | null {
		void this.version;
		if (this.#bots !== undefined || !this.available) return this.#bots ?? null;
		this.#bots = null;
		this.engine.botProbabilities().then(
			({ rows, probability }) => {
				this.#bots = new Map(rows.map((r, i) => [r, probability[i]]));
				this.version++;
			},
			(e) => console.warn('review bot column', e)
		);
		return null;
	}

	/** Rows scoring below 100, lowest first; empty until loaded. */
	ranked(): number[] {
		return this.#list('ranked', () => this.engine.rowsByScore()) ?? [];
	}

	#list(key: string, load: () => Promise<number[]>): number[] | null {
		void this.version;
		const rows = this.#lists.get(key);
		if (rows !== undefined || !this.available) return rows ?? null;
		this.#lists.set(key, null);
		load().then(
			(r) => {
				this.#lists.set(key, r);
				this.version++;
			},
			(e) => console.warn('review filter', e)
		);
		return null;
	}

	async #load(verdict: Verdict): Promise<void> {
		const rows: number[] = [];
		let total = Infinity;
		while (rows.length < Math.min(total, MAX_VERDICT_ROWS)) {
			const res = await this.engine.respondents({ offset: rows.length, limit: CHUNK, verdict, order: 'row' });
			total = res.total;
			if (res.rows.length === 0) break;
			for (const r of res.rows) rows.push(r.row);
		}
		this.#verdicts.set(verdict, rows);
		this.version++;
	}
}
