import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from './byte-source';

/** A ByteSource over a file on disk; reads are positional, nothing is cached. */
export async function fileSource(file: string): Promise<ByteSource & { close(): Promise<void> }> {
	const handle = await open(file, 'r');
	const { size } = await handle.stat();
	return {
		name: path.basename(file),
		size,
		async read(offset, length) {
			const len = Math.max(0, Math.min(length, size - offset));
			const buf = new Uint8Array(len);
			let done = 0;
			while (done < len) {
				const { bytesRead } = await handle.read(buf, done, len - done, offset + done);
				if (bytesRead === 0) break;
				done += bytesRead;
			}
			return done === len ? buf : buf.subarray(0, done);
		},
		close: () => handle.close()
	};
}
