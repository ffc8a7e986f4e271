import type { SqlDb } from '../sql/db';
import { rowLines } from './csv-lines';
import { FIELDS_COLUMN, STAGING_TABLE } from './finish';
import { ImportError, type RaggedLine, type RaggedRepair } from './types';

/** Fields past the header's that are read to count a long row exactly; more show as "more than". */
export const EXTRA_FIELDS = 8;
const LISTED = 20;

/** A CSV file with rows that do not match its header; `import anyway` pads or cuts them. */
export class RaggedRowsError extends ImportError {
	override name = 'RaggedRowsError';
	constructor(
		message: string,
		readonly ragged: RaggedRepair
	) {
		super(message, ragged.lines[0]?.line);
	}
}

/**
 * Finds rows with more or fewer fields than the header. Refuses them (listing the first lines and a
 * count) unless `repair`, when short rows keep their padding of missing values and long rows lose
 * their extra fields; every changed line is returned for the audit trail.
 */
export async function settleRaggedRows(
	db: SqlDb,
	opts: { name: string; expected: number; headerLines: number; repair?: boolean }
): Promise<RaggedRepair | null> {
	const bad = Number((await db.query(`SELECT count(${FIELDS_COLUMN}) AS n FROM ${STAGING_TABLE}`)).get(0)!.n);
	const ragged = bad > 0 ? await raggedLines(db, opts.expected, opts.headerLines) : null;
	if (ragged && !opts.repair) {
		await db.exec(`DROP TABLE ${STAGING_TABLE}`);
		throw new RaggedRowsError(`${opts.name}: ${describe(ragged)}`, ragged);
	}
	return ragged;
}

function describe(r: RaggedRepair): string {
	const many = r.lines.length > 1;
	const listed = r.lines
		.slice(0, LISTED)
		.map((l) => `line ${l.line} has ${l.fields > r.expected + EXTRA_FIELDS ? `more than ${r.expected + EXTRA_FIELDS}` : l.fields}`);
	const more = r.lines.length > LISTED ? `, and ${r.lines.length - LISTED} more` : '';
	return `${r.lines.length} row${many ? 's do' : ' does'} not have the header's ${r.expected} fields: ${listed.join(', ')}${more}`;
}

async function raggedLines(db: SqlDb, expected: number, headerLines: number): Promise<RaggedRepair> {
	const lines: RaggedLine[] = (await rowLines(db, headerLines, 'fields IS NOT NULL')).map(({ line, fields }) => ({ line, fields }));
	return { expected, lines };
}
