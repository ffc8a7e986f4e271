import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../../app/lib/engine/duckdb/node';
import { createEngine } from '../../../../app/lib/engine/engine';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';
import { REPORT_FONT_FILES } from '../../../../app/lib/report/pdf/fonts';
import { reportPdf } from '../../../../app/lib/report/pdf/report-pdf';

const FONTS = REPORT_FONT_FILES.map((f) => new Uint8Array(readFileSync(new URL(`../../../../static/fonts/${f}`, import.meta.url))));
const LABELS = ['возраст', 'σχόλιο', '满意度', 'تعليق'];

/** 60 respondents; four are out of the declared range of the Cyrillic-named variable. */
function csv(): string {
	const lines = [['rid', ...LABELS].join(',')];
	for (let i = 1; i <= 60; i++) lines.push([i, i <= 4 ? 150 : 20 + (i % 50), `ok ${i}`, (i % 5) + 1, `نعم ${i}`].join(','));
	return `${lines.join('\n')}\n`;
}

describe('report PDF', () => {
	it('prints the same counts as the report model, with Cyrillic, Greek, CJK and Arabic text extractable', async () => {
		const db = await openNodeDb();
		const engine = createEngine({ db, parquet: loadParquetNode });
		await engine.importFile(new Blob([csv()]), { name: 'wave.csv' });
		await engine.useDataset({ config: { ranges: { возраст: [18, 99] } } });
		const summary = await engine.runChecks({});
		const report = await engine.report({
			summary,
			recipe: { version: 1, steps: [{ action: 'exclude', respondent: 1, reason: 'возраст 150' }] },
			meta: {
				project: 'Ωmega 调查',
				file: 'wave.csv',
				sha256: null,
				generatedAt: '2026-12-07T00:00:00Z',
				sieveVersion: '0.1.0',
				author: 'Анна'
			}
		});
		await db.close();

		const dir = mkdtempSync(path.join(tmpdir(), 'sieve-pdf-'));
		const file = path.join(dir, 'report.pdf');
		writeFileSync(file, reportPdf(report, FONTS));
		const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
		expect(text).toContain('Data-quality report: Ωmega 调查');
		expect(text).toMatch(/Run by\s+Анна/);
		for (const label of LABELS.slice(0, 3)) expect(text).toContain(label);
		// drawn shaped and in visual order, extracted as typed
		expect(text).toContain(LABELS[3]);
		for (const v of ['keep', 'review', 'remove'] as const) expect(text).toMatch(new RegExp(`\\n\\s*${v}\\s+${report.verdicts[v]}\\s`));
		const range = report.variableQuality.find((v) => v.name === 'возраст')!;
		expect(range.outOfRange).toBe(4);
		expect(text).toMatch(/\n\s*range\s+4\s/);
		for (const c of report.checks.filter((c) => !c.skipped && !c.error))
			expect(text).toMatch(new RegExp(`\\n\\s*${c.id}\\s+${c.flagged}\\s`));
		expect(text).toMatch(/возраст 150\s+1/);
	}, 60_000);
});
