import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula } from '../../../../app/lib/io/export';
import type { Recipe } from '../../../../app/lib/engine/recipe';
import { FIXTURES, loadFixture } from '../../engine/recipe/load-fixture';
import { exportBytes } from './export-helpers';

describe('neutraliseFormula', () => {
	it.each([
		['=1+1', "'=1+1"],
		['+41 79', "'+41 79"],
		['-5', "'-5"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=cmd', "'\t=cmd"],
		['\r=cmd', "'\r=cmd"],
		['\n=cmd', "'\n=cmd"],
		['\0=cmd', "'\0=cmd"],
		['\x1b[31m', "'\x1b[31m"],
		['\x85', "'\x85"],
		['a=b', 'a=b'],
		[' =x', ' =x'],
		['', ''],
		["'already", "'already"]
	])('%j → %j', (input, out) => expect(neutraliseFormula(input)).toBe(out));
});

describe('csvField', () => {
	it('quotes per RFC 4180 after neutralising', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
		expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvField('\r=1')).toBe(`"'\r=1"`);
	});
});

describe('CSV export', () => {
	let f: Awaited<ReturnType<typeof loadFixture>>;
	beforeAll(async () => {
		f = await loadFixture(`${FIXTURES}/recipe/wave1.csv`);
	});
	afterAll(() => f.db.close());

	const recipe: Recipe = {
		version: 1,
		dataset: { sha256: '0'.repeat(64) },
		steps: [
			{ action: 'exclude', respondent: 2 },
			{ action: 'edit-value', respondent: 4, variable: 'city', value: `'; DROP TABLE data; --` },
			{ action: 'edit-value', respondent: 5, variable: 'city', value: '-2+3' },
			{ action: 'set-missing', respondent: 1, variable: 'visit' }
		]
	};

	it('writes the exact RFC 4180 text with formulas neutralised and flags appended', async () => {
		const scores = new Map([
			[3, { score: 40, verdict: 'remove' as const }],
			[5, { score: 70, verdict: 'review' as const }]
		]);
		const { bytes } = await exportBytes(f.db, f.dictionary, 'csv', { recipe, idVariable: 'rid', scores, pageRows: 2 });
		expect(new TextDecoder().decode(bytes)).toBe(
			[
				'rid,age,gender,q1,city,visit,sieve_score,sieve_verdict',
				'1,34,m,1,Berlin,,100,keep',
				`3,45,f,3,"O'Brien ""town""",2024-01-07,40,remove`,
				`4,27,Female,9,'; DROP TABLE data; --,2024-01-08,100,keep`,
				`5,52,m,2,'-2+3,2024-01-09,70,review`,
				"6,,female,1,'=HYPERLINK(1),2024-01-10,100,keep",
				''
			].join('\r\n')
		);
	});

	it('starts with a byte-order mark when asked, and has only a header when every row is excluded', async () => {
		const all: Recipe = { ...recipe, steps: [1, 2, 3, 4, 5, 6].map((respondent) => ({ action: 'exclude' as const, respondent })) };
		const { bytes } = await exportBytes(f.db, f.dictionary, 'csv', { recipe: all, idVariable: 'rid', bom: true });
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes.slice(3))).toBe('rid,age,gender,q1,city,visit\r\n');
	});

	it('writes datetimes with milliseconds and times as seconds', async () => {
		const s = await loadFixture(`${FIXTURES}/sav/pyreadstat_sample.sav`);
		try {
			const { bytes } = await exportBytes(s.db, s.dictionary, 'csv');
			expect(new TextDecoder().decode(bytes).split('\r\n')).toEqual([
				'mychar,mynum,mydate,dtime,mylabl,myord,mytime',
				'a,1.1,2018-05-06,2018-05-06T10:10:10,1,1,36610',
				'b,1.2,1880-05-06,1880-05-06T10:10:10,2,2,83410',
				'c,-1000.3,1960-01-01,1960-01-01T00:00:00,1,3,0',
				'd,-1.4,1583-01-01,1583-01-01T00:00:00,2,1,58210',
				'e,1000.3,,,1,1,',
				''
			]);
		} finally {
			await s.db.close();
		}
	});
});
