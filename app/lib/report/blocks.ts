import type { HistogramBin } from '../engine/results/types';

export type Chart =
	| { kind: 'bars'; items: { label: string; value: number; color?: string }[]; max?: number }
	| { kind: 'histogram'; bins: HistogramBin[]; marker?: number; unit?: 'seconds' | 'score' | 'share' };

export type Table = { head: string[]; rows: string[][]; align?: ('left' | 'right')[] };

/** The report as a document: the HTML and the PDF render these same blocks, so both show the same text and numbers. */
export type Block =
	| { kind: 'title'; text: string }
	| { kind: 'heading'; text: string; id: string }
	| { kind: 'subheading'; text: string }
	| { kind: 'text'; text: string }
	| { kind: 'grade'; letter: string; index: string; caption: string }
	| { kind: 'table'; table: Table }
	| { kind: 'figure'; chart: Chart; table: Table };
