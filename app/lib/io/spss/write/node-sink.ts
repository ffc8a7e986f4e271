/** A seekable SavSink over a file on disk (Node only: CLI, tests, bench). */
import { open } from 'node:fs/promises';
import type { SavSink } from './write-sav';

export async function fileSink(file: string): Promise<SavSink & { close(): Promise<void> }> {
	const handle = await open(file, 'w');
	let end = 0;
	return {
		async write(bytes) {
			await handle.write(bytes, 0, bytes.length, end);
			end += bytes.length;
		},
		async writeAt(offset, bytes) {
			await handle.write(bytes, 0, bytes.length, offset);
		},
		close: () => handle.close()
	};
}
