import { readFile } from 'node:fs/promises';
import { asAuditExport, type AuditExport } from '../lib/audit/audit-export';

/** A JSON file's value; an unreadable or malformed file throws one line naming it. */
export async function readJson(file: string): Promise<unknown> {
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (e) {
		throw new Error(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
	}
	try {
		return JSON.parse(text);
	} catch (e) {
		throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
	}
}

/** An AUDIT export (SPEC §7) read from a file; a wrong envelope throws one line naming the file. */
export async function readAudit(file: string): Promise<AuditExport> {
	const value = await readJson(file);
	try {
		return asAuditExport(value);
	} catch (e) {
		throw new Error(`${file}: ${(e as Error).message}`);
	}
}
