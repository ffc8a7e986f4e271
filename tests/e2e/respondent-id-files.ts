/**
 * Reads one column of an exported file with tools other than Sieve's own importer (a plain CSV
 * parser, read-excel-file, parquet-wasm, PSPP), so the specs check what others will see. Not DuckDB:
 * reading a registered Parquet buffer blocks its Node build forever (the worker cannot time out).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSheet } from 'read-excel-file/universal';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export type Cell = string | number | null;
export type Format = 'csv' | 'xlsx' | 'parquet' | 'sav';

/** RFC 4180 records (quotes, doubled quotes, CRLF); a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
	const out: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const s = text.replace(/^\ufeff/, '');
	const endCell = () => {
		row.push(cell);
		cell = '';
	};
	const endRow = () => {
		endCell();
		out.push(row);
		row = [];
	};
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (quoted && c === '"' && s[i + 1] === '"') {
			cell += '"';
			i++;
		} else if (c === '"') quoted = !quoted;
		else if (quoted) cell += c;
		else if (c === ',') endCell();
		else if (c === '\r' || c === '\n') {
			if (c === '\r' && s[i + 1] === '\n') i++;
			endRow();
		} else cell += c;
	}
	if (cell !== '' || row.length) endRow();
	return out;
}

function columnOf(header: string[], rows: Cell[][], name: string): { header: string[]; values: Cell[] } {
	const i = header.indexOf(name);
	if (i < 0) throw new Error(`no column ${name} in [${header.join(', ')}]`);
	return { header, values: rows.map((r) => r[i] ?? null) };
}

function parquetColumn(file: string, name: string) {
	const t = tableFromIPC(readParquet(new Uint8Array(readFileSync(file))).intoIPCStream());
	const header = t.schema.fields.map((f) => f.name);
	const col = t.getChild(name);
	if (!col) throw new Error(`no column ${name} in [${header.join(', ')}]`);
	const values = Array.from({ length: t.numRows }, (_, i): Cell => {
		const v: unknown = col.get(i);
		return v === null ? null : typeof v === 'bigint' ? Number(v) : (v as string | number);
	});
	return { header, values };
}

/** PSPP turns the .sav into CSV (values, not labels); PSPP pads strings, so cells are trimmed. */
function savColumn(file: string, name: string) {
	const dir = mkdtempSync(path.join(tmpdir(), 'sieve-sav-'));
	const out = path.join(dir, 'out.csv');
	const sps = path.join(dir, 'read.sps');
	writeFileSync(sps, `GET FILE='${file}'.\nSAVE TRANSLATE /OUTFILE='${out}' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.\n`);
	try {
		execFileSync('pspp', ['-O', 'format=txt', '-o', path.join(dir, 'log.txt'), sps], { timeout: 60_000 });
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT')
			throw new Error('pspp is not installed (npm test installs it; or apt-get install -y pspp)');
		throw e;
	}
	const [header, ...rows] = parseCsv(readFileSync(out, 'utf8'));
	return columnOf(
		header,
		rows.map((r) => r.map((c) => c.trim())),
		name
	);
}

/** One column of an exported file, and the file's header. */
export async function readColumn(file: string, format: Format, name: string): Promise<{ header: string[]; values: Cell[] }> {
	if (format === 'csv') {
		const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
		return columnOf(header, rows, name);
	}
	if (format === 'xlsx') {
		const [header, ...rows] = await readSheet(new Blob([readFileSync(file)]));
		return columnOf(
			header.map(String),
			rows.map((r) => r.map((c) => (c === null ? null : typeof c === 'number' ? c : String(c)))),
			name
		);
	}
	if (format === 'parquet') return parquetColumn(file, name);
	return savColumn(file, name);
}

/** Exports the cleaned file in `format` from the Export page; resolves the downloaded file's path. */
export async function exportAs(page: Page, format: Format, steps: number): Promise<{ file: string; name: string }> {
	await page.getByTestId('export-format').selectOption(format);
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export', exact: true }).click();
	const download = await downloading;
	await expect(page.getByTestId('export-report')).toContainText(`${steps} step${steps === 1 ? '' : 's'} applied.`);
	return { file: (await download.path())!, name: download.suggestedFilename() };
}

/** The recipe the Export page downloads, parsed. */
export async function downloadRecipe(page: Page): Promise<{ steps: { action: string; respondent?: unknown; reason?: string }[] }> {
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download recipe' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('recipe.json');
	return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

/** In Review, selects the row whose id cell reads exactly `id` and excludes it with `reason`. */
export async function excludeById(page: Page, id: string, reason: string): Promise<void> {
	const row = page.getByTestId('review-row').filter({ has: page.locator('.id').getByText(id, { exact: true }) });
	await expect(row).toHaveCount(1);
	await row.click();
	const detail = page.getByTestId('respondent-detail');
	await expect(detail.getByTestId('detail-id')).toHaveText(id);
	await detail.getByTestId('exclude').click();
	await page.getByTestId('decision-reason').fill(reason);
	await page.getByTestId('decision-submit').click();
	await expect(detail.getByTestId('detail-decisions')).toContainText('exclude');
}
