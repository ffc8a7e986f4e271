import { describe, expect, it } from 'vitest';
import { importFixture, rows } from './helpers';

describe('CSV import', () => {
	it('reads quoted newlines, doubled quotes and markup as plain text, typing columns from every row', async () => {
		const { db, result } = await importFixture('utf8.csv');
		expect(result.rows).toBe(3);
		expect(result.csv).toEqual({ encoding: 'utf-8', delimiter: ',', quote: '"' });
		expect(result.dictionary.variables.map((v) => [v.name, v.type])).toEqual([
			['id', 'numeric'],
			['name', 'string'],
			['score', 'string'],
			['when', 'date'],
			['comment', 'string']
		]);
		const data = await rows(db, `SELECT id, name, score, strftime("when", '%Y-%m-%d') AS w, comment FROM data ORDER BY __row`);
		expect(data).toEqual([
			{ id: 1, name: 'Anna', score: '3.5', w: '2024-01-02', comment: 'said "hi"\nthen left' },
			{ id: 2, name: 'Zoë', score: '4', w: '2024-02-03', comment: '<script>alert(1)</script>' },
			{ id: 3, name: null, score: 'n/a', w: '2024-03-04', comment: null }
		]);
	});

	it('keeps the time of day: timestamps are datetimes, plain dates are dates', async () => {
		const { db, result } = await importFixture('timestamps.csv');
		expect(result.dictionary.variables.map((v) => v.type)).toEqual(['numeric', 'datetime', 'date']);
		expect(
			await rows(db, `SELECT strftime(started, '%Y-%m-%dT%H:%M:%S.%g') AS s, strftime(day, '%Y-%m-%d') AS d FROM data ORDER BY __row`)
		).toEqual([
			{ s: '2026-03-10T20:25:58.000', d: '2026-03-10' },
			{ s: '2026-03-11T07:00:01.500', d: '2026-03-11' }
		]);
	});

	it('sniffs a UTF-8 BOM and semicolons', async () => {
		const { db, result } = await importFixture('bom-semicolon.csv');
		expect(result.csv).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
		expect(await rows(db)).toEqual([
			{ id: 1, city: 'Köln' },
			{ id: 2, city: 'München' }
		]);
	});

	it('sniffs windows-1252 and tabs', async () => {
		const { db, result } = await importFixture('cp1252-tab.csv');
		expect(result.csv).toMatchObject({ encoding: 'windows-1252', delimiter: '\t' });
		expect(await rows(db)).toEqual([
			{ id: 1, city: 'Köln' },
			{ id: 2, city: 'São Paulo' }
		]);
	});

	it('sniffs UTF-16 with CRLF line ends', async () => {
		const { db, result } = await importFixture('utf16.csv');
		expect(result.csv?.encoding).toBe('utf-16le');
		expect(await rows(db)).toEqual([
			{ id: 1, word: 'naïve' },
			{ id: 2, word: '日本' }
		]);
	});

	it('honours an encoding override', async () => {
		const { db } = await importFixture('bom-semicolon.csv', { csv: { encoding: 'windows-1252' } });
		expect((await rows(db))[0].city).toBe('KÃ¶ln');
	});

	it('keeps codes with leading zeros as text and reads times as seconds', async () => {
		const { db, result } = await importFixture('codes.csv');
		expect(result.dictionary.variables.map((v) => v.type)).toEqual(['string', 'string', 'time']);
		expect(await rows(db)).toEqual([
			{ zip: '01234', phone: '+49 30 1234', when: 36610 },
			{ zip: '98765', phone: '555', when: 86399 }
		]);
	});

	it('refuses a ragged row naming the file and row, keeping the data already there', async () => {
		const { db } = await importFixture('utf8.csv');
		await expect(importFixture('ragged.csv', {}, db)).rejects.toThrow(
			"ragged.csv: 1 row does not have the header's 3 fields: line 3 has 2"
		);
		expect((await rows(db)).length).toBe(3);
	});

	it('refuses an empty file and a binary file named .csv', async () => {
		await expect(importFixture('empty.csv')).rejects.toThrow('empty.csv is empty');
		await expect(importFixture('binary.csv')).rejects.toThrow('binary.csv is not a CSV, Excel, Parquet or SPSS file');
	});

	it('refuses a file over the size limit with a clear message', async () => {
		await expect(importFixture('utf8.csv', { maxBytes: 100 })).rejects.toThrow(/utf8\.csv is 0 MB; files over 0 MB are too large/);
	});
});
