/** Reads the PSPP outputs committed in tests/fixtures/sav-expected (see tests/fixtures/sav-make/make-expected.sh). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export const FIXTURES = path.resolve(__dirname, '../../../fixtures/sav');
export const OWN_FIXTURES = path.resolve(__dirname, '../../../fixtures/sav-make');
export const EXPECTED = path.resolve(__dirname, '../../../fixtures/sav-expected');

export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else if (c !== '\r') field += c;
	}
	if (field || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

export interface PsppVariable {
	name: string;
	label: string;
	measure: string;
	role: string;
	width: number;
	alignment: string;
	print: string;
	write: string;
	missing: string;
}

export interface PsppDictionary {
	variables: PsppVariable[];
	/** In variable order, each under the variable's label or, when it has none, its name (as PSPP prints it). */
	valueLabels: [string, [string, string][]][];
}

export function psppData(file: string, dir = EXPECTED): { names: string[]; rows: string[][] } | null {
	const p = path.join(dir, `${file}.data.csv`);
	const text = existsSync(p)
		? readFileSync(p, 'utf8')
		: existsSync(`${p}.gz`)
			? gunzipSync(readFileSync(`${p}.gz`)).toString('utf8')
			: null;
	if (text === null) return null;
	const [names, ...rows] = parseCsv(text);
	return { names, rows };
}

export function psppDictionary(file: string, dir = EXPECTED): PsppDictionary | null {
	const p = path.join(dir, `${file}.dict.csv`);
	if (!existsSync(p)) return null;
	const lines = parseCsv(readFileSync(p, 'utf8'));
	const variables: PsppVariable[] = [];
	const valueLabels: [string, [string, string][]][] = [];
	let table = '';
	let header: string[] = [];
	for (const line of lines) {
		if (line.length === 1 && line[0].startsWith('Table: ')) {
			table = line[0].slice(7);
			header = [];
			continue;
		}
		if (line.length <= 1) continue;
		if (!header.length) {
			header = line;
			continue;
		}
		if (table === 'Variables') {
			const get = (h: string) => line[header.indexOf(h)] ?? '';
			variables.push({
				name: get('Name'),
				label: get('Label'),
				measure: get('Measurement Level'),
				role: get('Role'),
				width: Number(get('Width')),
				alignment: get('Alignment'),
				print: get('Print Format'),
				write: get('Write Format'),
				missing: get('Missing Values')
			});
		} else if (table === 'Value Labels') {
			if (line[0] || !valueLabels.length) valueLabels.push([line[0], []]);
			valueLabels[valueLabels.length - 1][1].push([line[1], line[2]]);
		}
	}
	return { variables, valueLabels };
}

export function psppLog(file: string): string {
	const p = path.join(EXPECTED, `${file}.log`);
	return existsSync(p) ? readFileSync(p, 'utf8') : '';
}

/** PSPP's plain CSV text of dates ("MM/DD/YYYY[ HH:MM:SS[.ff]]") as ms since 1970, times ("H:MM:SS") as seconds. */
export function psppDateMs(text: string): number {
	const m = /^(\d\d)\/(\d\d)\/(\d+)(?: (\d+):(\d\d):(\d\d(?:\.\d+)?))?$/.exec(text);
	if (!m) throw new Error(`not a PSPP date: ${text}`);
	const [, mo, d, y, h = '0', mi = '0', s = '0'] = m;
	const date = new Date(0);
	date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
	return date.getTime() + (Number(h) * 3600 + Number(mi) * 60 + Number(s)) * 1000;
}

export function psppTimeSeconds(text: string): number {
	const m = /^(-?)(\d+):(\d\d):(\d\d(?:\.\d+)?)$/.exec(text);
	if (!m) throw new Error(`not a PSPP time: ${text}`);
	const v = Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
	return m[1] ? -v : v;
}
