/**
 * Portable files declare no text encoding. After translation to ASCII we read text as UTF-8 when
 * it is valid UTF-8 (what current PSPP writes) and as windows-1252 otherwise.
 */
import { createTextDecoder } from '../../text/decoder';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin = createTextDecoder('windows-1252');

export class PorStrings {
	/** Set once any text was not valid UTF-8. */
	legacy = false;

	decode(bytes: Uint8Array): string {
		for (let i = 0; i < bytes.length; i++) {
			if (bytes[i] >= 0x80) {
				try {
					return utf8.decode(bytes);
				} catch {
					this.legacy = true;
					return latin.decode(bytes);
				}
			}
		}
		return latin.decode(bytes);
	}

	/** Values and labels lose trailing blanks, as in system files. */
	trimmed(bytes: Uint8Array): string {
		let end = bytes.length;
		while (end > 0 && bytes[end - 1] === 0x20) end--;
		return this.decode(bytes.subarray(0, end));
	}

	get encoding(): string {
		return this.legacy ? 'windows-1252' : 'UTF-8';
	}
}
