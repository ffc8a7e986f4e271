import { describe, expect, it } from 'vitest';
import { importFixture, rows } from './helpers';

describe('Excel and Parquet import', () => {
	it('reads the first sheet of an xlsx with dates, blanks and formula-like text', async () => {
		const { db, result } = await importFixture('survey.xlsx');
		expect(result.format).toBe('xlsx');
		expect(result.dictionary.variables.map((v) => [v.name, v.type])).toEqual([
			['rid', 'numeric'],
			['gender', 'string'],
			['age', 'numeric'],
			['born', 'date'],
			['note', 'string']
		]);
		expect(await rows(db, `SELECT rid, gender, age, strftime(born, '%Y-%m-%d') AS born, note FROM data ORDER BY __row`)).toEqual([
			{ rid: 101, gender: 'f', age: 34, born: '1990-05-17', note: 'fine' },
			{ rid: 102, gender: 'm', age: null, born: '1985-01-01', note: '=cmd|calc' },
			{ rid: 103, gender: 'F ', age: 51, born: null, note: null }
		]);
	});

	it('reads Parquet row group by row group, numbers as DOUBLE, in file order', async () => {
		const { db, result } = await importFixture('small.parquet');
		expect(result).toMatchObject({ format: 'parquet', rows: 4 });
		expect(result.dictionary.variables.map((v) => [v.name, v.type])).toEqual([
			['rid', 'numeric'],
			['score', 'numeric'],
			['city', 'string'],
			['big', 'numeric']
		]);
		expect(await rows(db, 'SELECT * FROM data ORDER BY __row')).toEqual([
			{ __row: 1, rid: 7, score: 1.5, city: 'Lyon', big: 1 },
			{ __row: 2, rid: 8, score: 2, city: 'Genève', big: 2 },
			{ __row: 3, rid: 9, score: null, city: null, big: 3 },
			{ __row: 4, rid: 10, score: 4, city: '東京', big: 4 }
		]);
	});

	it('imports an SPSS/PC+ system file (.sys) with its formats and the guessed-encoding warning', async () => {
		const { db, result } = await importFixture('../sav-external/foreign_pbc.sys');
		expect(result).toMatchObject({ format: 'sys', rows: 418 });
		expect(result.dictionary.warnings).toEqual(['no encoding record: text read as windows-1252 (a guess)']);
		expect(await rows(db, 'SELECT AGE, SEX FROM data ORDER BY __row LIMIT 2')).toEqual([
			{ AGE: 58.7652, SEX: 1 },
			{ AGE: 56.4463, SEX: 1 }
		]);
	});
});
