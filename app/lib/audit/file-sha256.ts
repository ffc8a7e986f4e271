const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 of a file's bytes, lowercase hex, for the import event. WebCrypto has no streaming digest, so the file is read whole. */
export async function fileSha256(file: Blob): Promise<string> {
	const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
	let hex = '';
	for (const byte of digest) hex += HEX[byte];
	return hex;
}
