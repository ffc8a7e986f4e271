import type { Dictionary, VarType, Variable } from '../../dataset/dictionary';
import { NO_MISSING } from '../../dataset/dictionary';
import type { Column } from '../../io/batch';
import { readFirstSheet, XlsxError, type XlsxCell } from '../../io/xlsx';
import type { SqlDb } from '../sql/db';
import { loadBatches } from './load-batches';
import { finishImport } from './finish';
import { HEADER_ROWS, finishPlatform, platformHeader } from './platform';
import { ImportError, type ImportOptions, type ImportProgress, type ImportResult } from './types';

type Cell = XlsxCell | undefined;

/** Reads the first sheet of an .xlsx workbook; the first row holds the variable names. */
export async function importXlsx(
	db: SqlDb,
	file: Blob,
	opts: ImportOptions,
	onProgress: (p: ImportProgress) => void
): Promise<ImportResult> {
	let sheet: Cell[][];
	try {
		sheet = await readFirstSheet(file);
	} catch (e) {
		if (e instanceof XlsxError) throw new ImportError(`${opts.name}: ${e.message}`);
		// Inflate errors from DecompressionStream name no part; the file is damaged either way.
		throw new ImportError(`${opts.name} is not a readable Excel workbook (damaged compressed data)`);
	}
	if (sheet.length === 0) throw new ImportError(`${opts.name}: the first sheet is empty`);
	const text = sheet.slice(0, HEADER_ROWS).map((r) => r.map(cellText));
	const plan = platformHeader(text[0], text.slice(1));
	const [headerRow, ...body] = plan ? [plan.names, ...sheet.slice(1 + plan.extraRows)] : sheet;
	if (body.length === 0) throw new ImportError(`${opts.name} has a header but no data rows`);
	const names = headerNames(headerRow);
	const width = body.reduce((w, r) => Math.max(w, r.length), names.length);
	while (names.length < width) names.push(`column_${names.length + 1}`);
	const variables = names.map((name, i) => variable(name, columnType(body, i)));
	const dictionary: Dictionary = { variables, encoding: 'UTF-8', warnings: [] };
	const columns: Column[] = variables.map((v, i) => toColumn(body, i, v.type));
	onProgress({ phase: 'reading', done: 0, total: file.size, rows: 0 });
	await loadBatches(db, dictionary, [{ length: body.length, columns }]);
	onProgress({ phase: 'reading', done: file.size, total: file.size, rows: body.length });
	const typed = await finishImport(db, { encoding: 'UTF-8', inferTypes: false }, (p) => onProgress({ ...p, rows: body.length }));
	const described = await finishPlatform(db, typed, plan);
	return { format: 'xlsx', rows: body.length, dictionary: described, ...(plan ? { platform: plan.platform } : {}) };
}

function cellText(c: Cell): string {
	return c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c);
}

function headerNames(row: Cell[]): string[] {
	const seen = new Set<string>();
	return row.map((c, i) => {
		let name = c === null || c === undefined || String(c).trim() === '' ? `column_${i + 1}` : String(c).trim();
		const base = name;
		for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
		seen.add(name.toLowerCase());
		return name;
	});
}

function columnType(rows: Cell[][], i: number): VarType {
	let kind: VarType | null = null;
	for (const r of rows) {
		const c = r[i];
		if (c === null || c === undefined || c === '') continue;
		const k: VarType =
			typeof c === 'number' || typeof c === 'boolean'
				? 'numeric'
				: c instanceof Date
					? c.getTime() % 86_400_000 === 0
						? 'date'
						: 'datetime'
					: 'string';
		if (kind === null) kind = k;
		else if (kind !== k) {
			if ((kind === 'date' && k === 'datetime') || (kind === 'datetime' && k === 'date')) kind = 'datetime';
			else return 'string';
		}
	}
	return kind ?? 'numeric';
}

function toColumn(rows: Cell[][], i: number, type: VarType): Column {
	if (type === 'string')
		return rows.map((r) => {
			const c = r[i];
			if (c === null || c === undefined || c === '') return null;
			return c instanceof Date ? c.toISOString() : String(c);
		});
	const out = new Float64Array(rows.length);
	rows.forEach((r, j) => {
		const c = r[i];
		out[j] = c === null || c === undefined || c === '' ? NaN : c instanceof Date ? c.getTime() : Number(c);
	});
	return out;
}

function variable(name: string, type: VarType): Variable {
	return { name, label: null, type, width: 8, format: '', measure: 'unknown', valueLabels: {}, missing: NO_MISSING };
}
