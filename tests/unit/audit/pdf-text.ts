import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).status === 0;

/** The text of a PDF as poppler's pdftotext lays it out. */
export function pdfText(bytes: Uint8Array): string {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'sieve-pdf-')), 'report.pdf');
	writeFileSync(file, bytes);
	return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
