import { readSheet } from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import type { FindingRecord } from '../../../app/lib/engine/results/all-findings';
import { findingsBlob, findingsCsv, findingsJson } from '../../../app/lib/report/findings';

const HOSTILE: FindingRecord[] = [
	{
		respondent: 17,
		check: 'text-quality',
		level: 'cell',
		severity: 'warning',
		variable: 'oe_like',
		score: 0.8,
		message: '=HYPERLINK("http://x","click")',
		evidence: { answer: '@SUM(A1)', n: 2 }
	},
	{
		respondent: null,
		check: 'distribution',
		level: 'variable',
		severity: 'info',
		variable: '-age',
		score: 0.5,
		message: 'heaping, "at" 5s',
		evidence: {}
	}
];

describe('findings exports', () => {
	it('writes CSV with every finding, formulas neutralised, quotes doubled', () => {
		const lines = findingsCsv(HOSTILE)
			.replace(/^\ufeff/, '')
			.split('\r\n');
		expect(lines[0]).toBe('respondent,check,level,severity,variable,score,message,evidence');
		expect(lines[1]).toBe(
			`17,text-quality,cell,warning,oe_like,0.8,"'=HYPERLINK(""http://x"",""click"")","{""answer"":""@SUM(A1)"",""n"":2}"`
		);
		expect(lines[2]).toBe(`,distribution,variable,info,'-age,0.5,"heaping, ""at"" 5s",{}`);
		expect(lines).toHaveLength(4);
	});

	it('writes JSON with the evidence as an object and ids as stored', () => {
		expect(JSON.parse(findingsJson(HOSTILE))).toEqual(HOSTILE);
	});

	it('writes XLSX whose text cells read back as text, not formulas', async () => {
		const blob = await findingsBlob(HOSTILE, 'xlsx');
		const rows = await readSheet(blob);
		expect(rows[0]).toEqual(['respondent', 'check', 'level', 'severity', 'variable', 'score', 'message', 'evidence']);
		expect(rows[1][0]).toBe(17);
		expect(rows[1][6]).toBe(`'=HYPERLINK("http://x","click")`);
		expect(rows[2][4]).toBe("'-age");
	});
});
