/**
 * Every fixture read by our reader and by GNU PSPP (outputs committed in tests/fixtures/sav-expected)
 * must agree: names, row count, every cell, labels, formats, missing values and value labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readSavAll } from '../../../../app/lib/io/spss';
import { describeAgreementWithPspp } from './pspp-compare';
import { EXPECTED, FIXTURES, OWN_FIXTURES, psppData } from './pspp-expected';

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

describeAgreementWithPspp(files, EXPECTED, async (file) => readSavAll(new Uint8Array(readFileSync(file)), path.basename(file)), {
	names: NAME_DIVERGENCES,
	valueLabels: VALUE_LABEL_DIVERGENCES,
	missing: MISSING_DIVERGENCES,
	cutChars: CUT_CHAR_FILES
});
