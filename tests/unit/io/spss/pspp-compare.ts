/** Compares what our reader makes of a file with GNU PSPP's committed outputs (see pspp-expected.ts). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Variable } from '../../../../app/lib/dataset/dictionary';
import type { SavData } from '../../../../app/lib/io/spss';
import { psppData, psppDateMs, psppDictionary, psppTimeSeconds } from './pspp-expected';

export type SpssData = SavData;

/** Where we deliberately differ from PSPP, and why (the why is a comment at each use). */
export interface PsppDivergences {
	/** file → our name → PSPP's name */
	names?: Record<string, Record<string, string>>;
	/** file → PSPP's value-label value → ours */
	valueLabels?: Record<string, Record<string, string>>;
	/** "file:variable" whose missing values differ */
	missing?: Set<string>;
	/** Files where a UTF-8 character cut by a field end shows as "?" in PSPP and is dropped by us. */
	cutChars?: Set<string>;
	/** Portable files where PSPP appends the rest of a longer earlier string to a shorter one. */
	overRead?: Set<string>;
}

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
function cellMismatch(v: Variable, ours: unknown, theirs: string, quirk: { cutChars: boolean; overRead: boolean }): string | null {
	const bad = (why: string) => `${JSON.stringify(ours)} vs PSPP ${JSON.stringify(theirs)}${why ? ` (${why})` : ''}`;
	if (v.type === 'string') {
		const want = (quirk.cutChars ? theirs.replace(/\?+$/, '') : theirs).replace(/ +$/, '');
		return ours === want || (quirk.overRead && typeof ours === 'string' && want.startsWith(ours)) ? null : bad('');
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

export function describeAgreementWithPspp(
	files: string[],
	expectedDir: string,
	read: (file: string) => Promise<SpssData>,
	known: PsppDivergences = {}
) {
	describe.each(files)('%s agrees with PSPP', (file) => {
		const base = path.basename(file);
		const load = () => read(file);

		it('has the same variable names, row count and cells', async () => {
			const ours = await load();
			const theirs = psppData(base, expectedDir)!;
			const rename = known.names?.[base] ?? {};
			const quirk = { cutChars: known.cutChars?.has(base) ?? false, overRead: known.overRead?.has(base) ?? false };
			expect(ours.dictionary.variables.map((v) => rename[v.name] ?? v.name)).toEqual(theirs.names);
			expect(ours.rows).toBe(theirs.rows.length);
			const mismatches: string[] = [];
			ours.dictionary.variables.forEach((v, c) => {
				for (let r = 0; r < ours.rows && mismatches.length < 5; r++) {
					const why = cellMismatch(v, ours.columns[c][r], theirs.rows[r][c], quirk);
					if (why) mismatches.push(`${v.name} row ${r + 1}: ${why}`);
				}
			});
			expect(mismatches).toEqual([]);
		});

		it('has the same dictionary', async () => {
			const ours = (await load()).dictionary;
			const theirs = psppDictionary(base, expectedDir)!;
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
				if (!known.missing?.has(where)) expect(v.missing, where).toEqual(parseMissing(t.missing));
			});
			const labelled = ours.variables.filter((v) => Object.keys(v.valueLabels).length);
			const groups = theirs.valueLabels;
			expect(labelled.length).toBe(groups.length);
			labelled.forEach((v, i) => {
				const [key, entries] = groups[i];
				expect(key.replace(/ +$/, '')).toBe(v.label?.replace(/ +$/, '') || v.name);
				const ourEntries = Object.entries(v.valueLabels);
				expect(ourEntries.length, v.name).toBe(entries.length);
				for (const [value, label] of entries) {
					const raw = value.replace(/\[a\]$/, '');
					// PSPP prints "*" for a value too wide for the print format: nothing to compare.
					if (raw === '*') continue;
					const text = known.valueLabels?.[base]?.[raw] ?? raw;
					const number = Number(text.replace(/[$,%]/g, ''));
					const match =
						v.type === 'string'
							? ourEntries.find(([k]) => k === text.replace(/ +$/, ''))
							: ourEntries.find(([k]) => Math.abs(Number(k) - number) <= 0.5 * 10 ** -decimals(v.format) + 1e-9);
					expect(match, `${v.name} value ${text}`).toBeDefined();
					// PSPP's table output drops a value label's leading blanks; we keep the label as stored.
					expect(match![1].trimStart(), `${v.name} value ${text}`).toBe(label.replace(/ +$/, ''));
				}
			});
		});
	});
}
