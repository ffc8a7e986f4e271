/**
 * Every fixture read by our reader and by GNU PSPP (outputs committed in tests/fixtures/sav-expected)
 * must agree: names, row count, every cell, labels, formats, missing values and value labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Variable } from '../../../../app/lib/dataset/dictionary';
import { readSavAll } from '../../../../app/lib/io/spss';
import { FIXTURES, OWN_FIXTURES, psppData, psppDateMs, psppDictionary, psppTimeSeconds } from './pspp-expected';

/** Where we deliberately differ from PSPP, and why. */
const NAME_DIVERGENCES: Record<string, Record<string, string>> = {
	// PSPP renames the Hebrew name (its 8-byte short name is cut mid-character); pyreadstat keeps it.
	'pyreadstat_hebrews.sav': { ותק_ב: 'VAR001' }
};
// PSPP 1.6.2 rejects this file's record 7.22 (one length for all values); the record is consistent and we read it.
// PSPP writes this file's long-string value label value in UTF-8 and reads it back as windows-1251 mojibake.
const VALUE_LABEL_DIVERGENCES: Record<string, Record<string, string>> = { 'gen_cp1251.sav': { 'РњРѕСЃРєРІР°': 'Москва' } };
const MISSING_DIVERGENCES = new Set(['medella_Longstring_0rows.sav:a🤓🤓']);
// A UTF-8 character cut by the end of a fixed-width field: PSPP shows "?" per stray byte, we drop it.
const CUT_CHAR_FILES = new Set(['pyreadstat_tegulu.sav']);

const files = [
	...readdirSync(FIXTURES)
		.filter((f) => /\.z?sav$/.test(f))
		.map((f) => path.join(FIXTURES, f)),
	...readdirSync(OWN_FIXTURES)
		.filter((f) => /\.z?sav$/.test(f))
		.map((f) => path.join(OWN_FIXTURES, f))
].filter((f) => psppData(path.basename(f)) !== null);

const ROLE_NAMES: Record<string, string> = {
	input: 'Input',
	target: 'Output',
	both: 'Both',
	none: 'None',
	partition: 'Partition',
	split: 'Split'
};

function decimals(format: string): number {
	return Number(/\.(\d+)$/.exec(format)?.[1] ?? 0);
}

function parseMissing(text: string): { values: (number | string)[]; range: [number | null, number | null] | null } {
	const out: { values: (number | string)[]; range: [number | null, number | null] | null } = { values: [], range: null };
	if (!text) return out;
	for (const item of text.split('; ')) {
		const thru = /^(.+) THRU (.+)$/.exec(item);
		if (thru) {
			const bound = (b: string) => (b === 'LOWEST' || b === 'HIGHEST' ? null : Number(b));
			out.range = [bound(thru[1]), bound(thru[2])];
		} else if (item.startsWith('"')) out.values.push(item.slice(1, -1).replace(/ +$/, ''));
		else out.values.push(Number(item));
	}
	return out;
}

/** Why a cell differs from PSPP's text, or null when it agrees. */
function cellMismatch(v: Variable, ours: unknown, theirs: string, cutChars: boolean): string | null {
	const bad = (why: string) => `${JSON.stringify(ours)} vs PSPP ${JSON.stringify(theirs)}${why ? ` (${why})` : ''}`;
	if (v.type === 'string') {
		const want = cutChars ? theirs.replace(/\?+$/, '') : theirs;
		return ours === want.replace(/ +$/, '') ? null : bad('');
	}
	const x = ours as number;
	if (theirs === ' ' || theirs === '') return Number.isNaN(x) ? null : bad('expected SYSMIS');
	if (v.type === 'numeric') {
		const y = Number(theirs);
		return Math.abs(x - y) <= Math.abs(y) * 1e-15 ? null : bad('');
	}
	if (v.type === 'date') return Math.floor(x / 86400000) * 86400000 === psppDateMs(theirs) ? null : bad('date');
	if (v.type === 'datetime') return Math.abs(x - psppDateMs(theirs)) < 1000 ? null : bad('datetime');
	return Math.abs(x - psppTimeSeconds(theirs)) < 1 ? null : bad('time');
}

describe.each(files)('%s agrees with PSPP', (file) => {
	const base = path.basename(file);
	const load = () => readSavAll(new Uint8Array(readFileSync(file)), base);

	it('has the same variable names, row count and cells', async () => {
		const ours = await load();
		const theirs = psppData(base)!;
		const rename = NAME_DIVERGENCES[base] ?? {};
		expect(ours.dictionary.variables.map((v) => rename[v.name] ?? v.name)).toEqual(theirs.names);
		expect(ours.rows).toBe(theirs.rows.length);
		const mismatches: string[] = [];
		ours.dictionary.variables.forEach((v, c) => {
			for (let r = 0; r < ours.rows && mismatches.length < 5; r++) {
				const why = cellMismatch(v, ours.columns[c][r], theirs.rows[r][c], CUT_CHAR_FILES.has(base));
				if (why) mismatches.push(`${v.name} row ${r + 1}: ${why}`);
			}
		});
		expect(mismatches).toEqual([]);
	});

	it('has the same dictionary', async () => {
		const ours = (await load()).dictionary;
		const theirs = psppDictionary(base)!;
		expect(ours.variables.length).toBe(theirs.variables.length);
		ours.variables.forEach((v, i) => {
			const t = theirs.variables[i];
			const where = `${base}:${v.name}`;
			expect(v.label ?? '', where).toBe(t.label.replace(/ +$/, ''));
			expect(v.format, where).toBe(t.print.replace(/^((?:DATETIME|YMDHMS|D?TIME|MTIME)\d+)\.0$/, '$1'));
			expect(v.writeFormat, where).toBe(t.write.replace(/^((?:DATETIME|YMDHMS|D?TIME|MTIME)\d+)\.0$/, '$1'));
			if (v.measure !== 'unknown') expect(v.measure, where).toBe(t.measure.toLowerCase());
			expect(ROLE_NAMES[v.spssRole ?? 'input'], where).toBe(t.role);
			if (v.displayWidth !== undefined) expect(v.displayWidth, where).toBe(t.width);
			if (v.alignment) expect(v.alignment, where).toBe(t.alignment.toLowerCase().replace('centre', 'center'));
			if (!MISSING_DIVERGENCES.has(where)) expect(v.missing, where).toEqual(parseMissing(t.missing));
		});
		const labelled = ours.variables.filter((v) => Object.keys(v.valueLabels).length);
		const groups = [...theirs.valueLabels.entries()];
		expect(labelled.length).toBe(groups.length);
		labelled.forEach((v, i) => {
			const [key, entries] = groups[i];
			expect(key).toBe(v.label?.replace(/ +$/, '') || v.name);
			const ourEntries = Object.entries(v.valueLabels);
			expect(ourEntries.length, v.name).toBe(entries.length);
			for (const [value, label] of entries) {
				const raw = value.replace(/\[a\]$/, '');
				const text = VALUE_LABEL_DIVERGENCES[base]?.[raw] ?? raw;
				const number = Number(text.replace(/[$,%]/g, ''));
				const match =
					v.type === 'string'
						? ourEntries.find(([k]) => k === text.replace(/ +$/, ''))
						: ourEntries.find(([k]) => Math.abs(Number(k) - number) <= 0.5 * 10 ** -decimals(v.format) + 1e-9);
				expect(match, `${v.name} value ${text}`).toBeDefined();
				expect(match![1], `${v.name} value ${text}`).toBe(label.replace(/ +$/, ''));
			}
		});
	});
});
