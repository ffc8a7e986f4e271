import { createWriteStream, type WriteStream } from 'node:fs';
import { CARELESS_INDEX_NAMES, type CarelessResult } from '../lib/engine/careless';
import type { CheckRun } from '../lib/engine/checks/registry';
import { botFields } from '../lib/engine/results/bot-fields';
import { findingPages } from '../lib/engine/results/finding-pages';
import { scoreRespondents, type ScoringOptions, type Verdict } from '../lib/engine/scoring';
import type { SqlDb } from '../lib/engine/sql/db';
import type { ThemeSummary } from '../lib/engine/results/themes';
import { csvField } from '../lib/io/export/csv';

export interface GridIndexRows {
	name: string;
	/** Data row → position in `result`, -1 when the row has none (a typed array: a Map of 1M rows costs ~100 MB). */
	rowIndex: Int32Array;
	result: CarelessResult;
}

/** Where each data row (1..rows) sits in a grid's index arrays. */
export function gridRowIndex(rows: number, gridRows: ArrayLike<number>): Int32Array {
	const index = new Int32Array(rows + 1).fill(-1);
	for (let i = 0; i < gridRows.length; i++) index[gridRows[i]] = i;
	return index;
}

export interface ResultSource {
	/** Holds the run's findings in the findings table (results/store-results.ts). */
	db: SqlDb;
	dataset: { rows: number; variables: number; sha256: string };
	/** The checks that ran, in order. */
	checks: readonly CheckRun[];
	respondentOf: (row: number) => string | number;
	grids: readonly GridIndexRows[];
	scoring: ScoringOptions;
	/** Respondents read back and scored at a time. */
	pageRows?: number;
	/** RESULT `openEnds`: answers per language of each open end (when the language check ran) and its themes. */
	openEnds?: Record<string, { languages?: Record<string, number>; themes?: ThemeSummary[] }> | null;
}

const FLUSH_CHARS = 1 << 20;

/**
 * Writes RESULT (SPEC §7) and, when `csvPath` is given, one CSV line per respondent, streaming:
 * findings are read back a page of respondents at a time and scored there, so memory stays flat
 * however many findings the run made. Returns the verdict counts.
 */
export async function writeResult(src: ResultSource, out: string, csvPath: string | null): Promise<Record<Verdict, number>> {
	const { dataset, grids } = src;
	const json = createWriteStream(out);
	const csv = csvPath ? createWriteStream(csvPath) : null;
	const checks = src.checks.map((r) => ({ id: r.id, title: r.title, flagged: r.flagged, ms: r.ms }));
	await write(json, `{"dataset":${JSON.stringify(dataset)},"checks":${JSON.stringify(checks)},"respondents":[`);
	if (csv) {
		const head = ['id', 'score', 'verdict', 'flags', 'checks', ...grids.flatMap((g) => CARELESS_INDEX_NAMES.map((x) => `${g.name}_${x}`))];
		await write(csv, `${head.map(csvCell).join(',')}\n`);
	}
	const verdicts = { keep: 0, review: 0, remove: 0 };
	let buf = '';
	let csvBuf = '';
	for await (const page of findingPages(src.db, dataset.rows, src.pageRows)) {
		const scores = scoreRespondents(page.findings, src.scoring);
		const bots = await botFields(src.db, page.from, page.to);
		const flagsByRow = new Map<number, { check: string; severity: string; message: string }[]>();
		for (const f of page.findings) {
			if (f.severity === 'info') continue;
			let list = flagsByRow.get(f.row!);
			if (!list) flagsByRow.set(f.row!, (list = []));
			list.push({ check: f.check, severity: f.severity, message: f.message });
		}
		for (let row = page.from; row <= page.to; row++) {
			const s = scores.get(row);
			if (s) verdicts[s.verdict]++;
			const flags = flagsByRow.get(row) ?? [];
			const ind = indicesOf(grids, row);
			const bot = bots.get(row);
			const rec = {
				id: src.respondentOf(row),
				score: s?.score ?? 100,
				verdict: s?.verdict ?? 'keep',
				flags,
				indices: ind,
				...(bot ? { bot } : {})
			};
			buf += (row > 1 ? ',' : '') + JSON.stringify(rec);
			if (csv) {
				const cells = [
					rec.id,
					rec.score,
					rec.verdict,
					flags.length,
					[...new Set(flags.map((f) => f.check))].join(';'),
					...grids.flatMap((g) => CARELESS_INDEX_NAMES.map((x) => ind[g.name][x]))
				];
				csvBuf += `${cells.map(csvCell).join(',')}\n`;
			}
			if (buf.length > FLUSH_CHARS) {
				await write(json, buf);
				buf = '';
			}
			if (csv && csvBuf.length > FLUSH_CHARS) {
				await write(csv, csvBuf);
				csvBuf = '';
			}
		}
	}
	await write(json, `${buf}]${src.openEnds ? `,"openEnds":${JSON.stringify(src.openEnds)}` : ''}}\n`);
	await end(json);
	if (csv) {
		await write(csv, csvBuf);
		await end(csv);
	}
	verdicts.keep = dataset.rows - verdicts.review - verdicts.remove;
	return verdicts;
}

function indicesOf(grids: readonly GridIndexRows[], row: number): Record<string, Record<string, number | null>> {
	const o: Record<string, Record<string, number | null>> = {};
	for (const g of grids) {
		const i = g.rowIndex[row] ?? -1;
		const vals: Record<string, number | null> = {};
		for (const name of CARELESS_INDEX_NAMES) {
			const v = i < 0 ? NaN : g.result[name].values[i];
			vals[name] = Number.isFinite(v) ? v : null;
		}
		o[g.name] = vals;
	}
	return o;
}

function write(stream: WriteStream, text: string): Promise<void> {
	return new Promise((res, rej) => {
		if (stream.write(text)) res();
		else {
			const fail = (e: Error) => rej(e);
			stream.once('error', fail).once('drain', () => {
				stream.off('error', fail);
				res();
			});
		}
	});
}

function end(stream: WriteStream): Promise<void> {
	return new Promise((res, rej) => stream.end((e?: Error | null) => (e ? rej(e) : res())));
}

/** CSV cell, with text that a spreadsheet would run as a formula neutralised (SPEC §8). */
function csvCell(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	return csvField(String(v));
}
