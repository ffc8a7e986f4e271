import { blobSource } from '../../io/byte-source';
import { openSav, SpssError } from '../../io/spss';
import type { SqlDb } from '../sql/db';
import { finishImport } from './finish';
import { loadBatches } from './load-batches';
import { ImportError, type ImportOptions, type ImportProgress, type ImportResult } from './types';

/** Streams an SPSS system file into DuckDB, keeping its dictionary (labels, missing values, formats). */
export async function importSav(
	db: SqlDb,
	file: Blob,
	opts: ImportOptions,
	onProgress: (p: ImportProgress) => void
): Promise<ImportResult> {
	try {
		const reader = await openSav(blobSource(file, opts.name), { encoding: opts.encoding });
		let done = 0;
		const rows = await loadBatches(
			db,
			reader.dictionary,
			reader.batches((p) => (done = p.bytesRead)),
			(rows) => onProgress({ phase: 'reading', done, total: file.size, rows })
		);
		const dictionary = await finishImport(db, { encoding: reader.dictionary.encoding, inferTypes: false, dictionary: reader.dictionary }, (p) =>
			onProgress({ ...p, rows })
		);
		return { format: 'sav', rows, dictionary };
	} catch (e) {
		if (e instanceof SpssError) throw new ImportError(e.message);
		throw e;
	}
}
