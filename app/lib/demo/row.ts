import type { Layout } from './layout';

/** One respondent's values in dictionary order: numbers (NaN = missing), text (null = missing). */
export type Cell = number | string | null;
export type Row = Cell[];

export interface GenContext {
	seed: number;
	layout: Layout;
	/** Fieldwork opens at this instant (ms since epoch, UTC). */
	fieldworkStart: number;
	fieldworkDays: number;
	/** How clean respondents write open ends: a few stock phrases (the demo) or mostly unique prose. */
	openEnds: OpenEndStyle;
}

export type OpenEndStyle = 'phrases' | 'prose';

/** Row-level random streams; distinct numbers keep draws for one purpose from shifting another's. */
export const STREAM = { clean: 1, country: 2, plant: 3, plan: 4 } as const;

/** Respondent ids increase with the row but leave gaps, as a survey platform's ids do. */
export function ridOf(row: number): number {
	return 100_003 + row * 7 + (((row * 2_654_435_761) >>> 0) % 5);
}

export function num(row: Row, layout: Layout, name: string): number {
	return row[layout.index[name]] as number;
}

export function set(row: Row, layout: Layout, name: string, value: Cell): void {
	row[layout.index[name]] = value;
}
