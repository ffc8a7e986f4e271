/** Random access to a file's bytes without holding the whole file: a Blob in the browser, a file in Node. */
export interface ByteSource {
	/** File name, used in error messages. */
	readonly name: string;
	readonly size: number;
	/** Bytes [offset, offset + length), shorter only at the end of the file. */
	read(offset: number, length: number): Promise<Uint8Array>;
}

export function blobSource(blob: Blob, name: string): ByteSource {
	return {
		name,
		size: blob.size,
		async read(offset, length) {
			return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
		}
	};
}

export function bytesSource(bytes: Uint8Array, name: string): ByteSource {
	return {
		name,
		size: bytes.byteLength,
		async read(offset, length) {
			return bytes.subarray(offset, Math.min(bytes.byteLength, offset + length));
		}
	};
}
