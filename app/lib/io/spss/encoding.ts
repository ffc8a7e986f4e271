/** Picks the text encoding: the caller's override, else record 7.20, else the 7.3 character code, else windows-1252. */
import { labelForCodePage, labelForEncodingName, supportedLabel } from './code-pages';
import type { RawExtension } from './raw-records';

export interface EncodingChoice {
	encoding: string;
	warning?: string;
}

export function chooseEncoding(extensions: RawExtension[], littleEndian: boolean, override?: string): EncodingChoice {
	if (override) {
		const label = labelForEncodingName(override);
		if (label) return { encoding: label };
		return { encoding: 'windows-1252', warning: `unknown encoding "${override}", read as windows-1252` };
	}
	const named = extensions.find((e) => e.subtype === 20);
	if (named) {
		const name = String.fromCharCode(...named.data).replace(/\0+$/, '');
		const label = labelForEncodingName(name);
		if (label) return { encoding: label };
		return { encoding: 'windows-1252', warning: `unsupported encoding "${name}", read as windows-1252` };
	}
	const info = extensions.find((e) => e.subtype === 3 && e.data.length >= 32);
	if (info) {
		const code = new DataView(info.data.buffer, info.data.byteOffset).getInt32(28, littleEndian);
		const label = labelForCodePage(code);
		if (label) return { encoding: label };
		return { encoding: 'windows-1252', warning: `unsupported character code ${code}, read as windows-1252` };
	}
	return { encoding: supportedLabel('windows-1252')! };
}
