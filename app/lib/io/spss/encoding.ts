/**
 * Picks the text encoding: record 7.20, else the 7.3 character code, else the caller's encoding,
 * else windows-1252. With `force` the caller's encoding wins over what the file declares, for
 * files that declare one code page and hold another. A guessed encoding is named in a warning.
 */
import { labelForCodePage, labelForEncodingName } from './code-pages';
import type { RawExtension } from './raw-records';

export interface EncodingChoice {
	encoding: string;
	warnings: string[];
}

export interface EncodingRequest {
	encoding?: string;
	force?: boolean;
}

export function chooseEncoding(extensions: RawExtension[], littleEndian: boolean, request: EncodingRequest = {}): EncodingChoice {
	const requested = request.encoding ? labelForEncodingName(request.encoding) : undefined;
	const badRequest = request.encoding && !requested ? [`unknown encoding "${request.encoding}" ignored`] : [];
	if (requested && request.force) return { encoding: requested, warnings: [] };
	const declared = declaredEncoding(extensions, littleEndian);
	if (declared.label) return { encoding: declared.label, warnings: badRequest };
	if (requested) return { encoding: requested, warnings: declared.problem ? [declared.problem] : [] };
	return { encoding: GUESS, warnings: [`${declared.problem ?? 'no encoding record'}: text read as ${GUESS} (a guess)`, ...badRequest] };
}

const GUESS = 'windows-1252';
// Character codes 2 and 3 say "7-bit / 8-bit ASCII" without naming a code page.
const UNNAMED_CODES = new Set([2, 3]);

function declaredEncoding(extensions: RawExtension[], littleEndian: boolean): { label?: string; problem?: string } {
	const named = extensions.find((e) => e.subtype === 20);
	if (named) {
		const name = String.fromCharCode(...named.data).replace(/\0+$/, '');
		const label = labelForEncodingName(name);
		if (label) return { label };
		return { problem: `unsupported encoding "${name}" in the file` };
	}
	const info = extensions.find((e) => e.subtype === 3 && e.data.length >= 32);
	if (info) {
		const code = new DataView(info.data.buffer, info.data.byteOffset).getInt32(28, littleEndian);
		if (UNNAMED_CODES.has(code)) return {};
		const label = labelForCodePage(code);
		if (label) return { label };
		return { problem: `unsupported character code ${code} in the file` };
	}
	return {};
}
