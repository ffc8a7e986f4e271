import { blobSource } from '../../io/byte-source';
import { openSav, SpssError } from '../../io/spss';
import { openPcp } from '../../io/spss/pcp';
import { openPor } from '../../io/spss/por';
import type { SqlDb } from '../sql/db';
import { finishImport } from './finish';
import { loadBatches } from './load-batches';
import { ImportError, type ImportOptions, type ImportProgress, type ImportResult } from './types';

/**
 * Streams an SPSS system (.sav/.zsav), SPSS/PC+ system (.sys) or portable (.por) file into DuckDB, keeping its dictionary
 * (labels, value labels, missing values, formats). A user-chosen encoding overrides the file's.
 */
export async function importSpss(
	db: SqlDb,
	file: Blob,
	kind: 'sav' | 'por' | 'sys',
	opts: ImportOptions,
	onProgress: (p: ImportProgress) => void
): Promise<ImportResult> {
	try {
		const source = blobSource(file, opts.name);
		const reader =
			kind === 'sav'
				? await openSav(source, { encoding: opts.encoding, forceEncoding: opts.encoding !== undefined })
				: kind === 'sys'
					? await openPcp(source, { encoding: opts.encoding })
					: await openPor(source);
		let done = 0;
		const rows = await loadBatches(
			db,
			reader.dictionary,
			reader.batches((p) => (done = p.bytesRead)),
			(rows) => onProgress({ phase: 'reading', done, total: file.size, rows })
		);
		const dictionary = await finishImport(
			db,
			{ encoding: reader.dictionary.encoding, inferTypes: false, dictionary: reader.dictionary },
			(p) => onProgress({ ...p, rows })
		);
		return { format: kind, rows, dictionary };
	} catch (e) {
		if (e instanceof SpssError) throw new ImportError(e.message);
		throw e;
	}
}
