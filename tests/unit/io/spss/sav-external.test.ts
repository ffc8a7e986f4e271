/**
 * The sav-external corpus (46 real files from 20 projects) read by our reader and by GNU PSPP
 * (outputs in tests/fixtures/sav-external-expected, made by its make.sh) must agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../../app/lib/io/byte-source';
import { readSavAll, SpssError } from '../../../../app/lib/io/spss';
import { openPcp } from '../../../../app/lib/io/spss/pcp';
import { readAllBatches, readPorAll } from './por/read-all';
import { describeAgreementWithPspp } from './pspp-compare';
import { psppData } from './pspp-expected';

const CORPUS = path.resolve(import.meta.dirname, '../../../fixtures/sav-external');
const EXPECTED = path.resolve(import.meta.dirname, '../../../fixtures/sav-external-expected');

async function readAny(file: string) {
	const bytes = new Uint8Array(readFileSync(file));
	const name = path.basename(file);
	if (file.endsWith('.por')) return readPorAll(bytesSource(bytes, name));
	if (file.endsWith('.sys')) return readAllBatches(await openPcp(bytesSource(bytes, name)));
	return readSavAll(bytes, name);
}

const all = readdirSync(CORPUS).filter((f) => /\.(z?sav|por|sys)$/.test(f));
const files = all.filter((f) => psppData(f, EXPECTED) !== null).map((f) => path.join(CORPUS, f));

describe('sav-external corpus', () => {
	it('has PSPP outputs for every file but the one PSPP cannot read', () => {
		expect(all.length).toBe(46);
		expect(all.filter((f) => psppData(f, EXPECTED) === null)).toEqual(['tiamo_mbtest.sav']);
	});

	it('refuses tiamo_mbtest.sav (malformed) in one line naming the file', async () => {
		const err = await readAny(path.join(CORPUS, 'tiamo_mbtest.sav')).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(SpssError);
		expect((err as Error).message).toMatch(/^tiamo_mbtest\.sav: [^\n]+$/);
	});
});

describeAgreementWithPspp(files, EXPECTED, readAny, {
	// "9/PORTER EL" is 9 characters; PSPP 1.6.2 prints "PORTER ELISD", the tail of the longer string before it.
	overRead: new Set(['foreign_sample100.por'])
});
