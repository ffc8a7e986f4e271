import { open, rename, rm } from 'node:fs/promises';
import { exportChunks, type ExportFormat, type ExportSource } from '../lib/io/export';
import { loadParquetNode } from '../lib/io/parquet-node';
import { nodeDeflate } from '../lib/io/spss/write/node-sink';

/**
 * Writes `source` to `out` through the app's exporters, into a temporary file renamed at the
 * end, so a failure leaves no half-written file; progress on stderr when it is a terminal.
 */
export async function writeExport(
	source: ExportSource,
	format: ExportFormat,
	out: string,
	opts: { bom?: boolean } = {}
): Promise<{ rows: number; bytes: number }> {
	const temp = `${out}.${process.pid}.part`;
	const tty = process.stderr.isTTY;
	let bytes = 0;
	let rows = 0;
	try {
		const handle = await open(temp, 'w');
		try {
			for await (const chunk of exportChunks(
				source,
				format,
				{ parquet: loadParquetNode, deflate: nodeDeflate },
				{
					bom: opts.bom,
					onProgress: (p) => {
						rows = p.total;
						if (tty) process.stderr.write(`\rwriting ${p.rows.toLocaleString()} / ${p.total.toLocaleString()} rows`);
					},
					onWarning: (w) => process.stderr.write(`warning: ${w}\n`)
				}
			)) {
				await handle.write(chunk);
				bytes += chunk.length;
			}
		} finally {
			await handle.close();
		}
		if (tty) process.stderr.write('\n');
		await rename(temp, out);
		return { rows, bytes };
	} catch (e) {
		await rm(temp, { force: true });
		throw e;
	}
}
