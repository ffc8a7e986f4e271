import { cleanForExport } from '../../../../app/lib/engine/recipe';
import type { Recipe } from '../../../../app/lib/engine/recipe';
import type { SqlDb } from '../../../../app/lib/engine/sql/db';
import type { Dictionary } from '../../../../app/lib/dataset/dictionary';
import { exportChunks, type ExportFormat, type ExportOptions, type RespondentFlags } from '../../../../app/lib/io/export';
import { loadParquetNode } from '../../../../app/lib/io/parquet-node';
import { nodeDeflate } from '../../../../app/lib/io/spss/write/node-sink';

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	for await (const c of chunks) parts.push(c);
	return new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
}

/** Applies `recipe` (none: the data as imported) and exports it, the way `sieve export` does. */
export async function exportBytes(
	db: SqlDb,
	dictionary: Dictionary,
	format: ExportFormat,
	opts: ExportOptions & { recipe?: Recipe; idVariable?: string; scores?: Map<number, RespondentFlags> | null } = {}
) {
	const { source, report } = await cleanForExport(db, dictionary, {
		recipe: opts.recipe ?? null,
		idVariable: opts.idVariable ?? '__row',
		scores: opts.scores ?? null
	});
	const warnings: string[] = [];
	const bytes = await collect(
		exportChunks(source, format, { parquet: loadParquetNode, deflate: nodeDeflate }, { ...opts, onWarning: (w) => warnings.push(w) })
	);
	return { bytes, source, report, warnings };
}
