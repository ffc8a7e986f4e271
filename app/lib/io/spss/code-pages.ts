/**
 * Text encodings of system files: SPSS character codes (record 7.3) and encoding names
 * (record 7.20) mapped to labels that TextDecoder accepts.
 */

const CODE_PAGES: Readonly<Record<number, string>> = Object.freeze({
	// 2 and 3 mean 7-bit and 8-bit "ASCII"; in practice that is the Windows Latin-1 code page.
	2: 'windows-1252',
	3: 'windows-1252',
	866: 'ibm866',
	874: 'windows-874',
	932: 'shift_jis',
	936: 'gbk',
	949: 'euc-kr',
	950: 'big5',
	1200: 'utf-16le',
	1201: 'utf-16be',
	20127: 'windows-1252',
	20866: 'koi8-r',
	20932: 'euc-jp',
	21866: 'koi8-u',
	50220: 'iso-2022-jp',
	50221: 'iso-2022-jp',
	50222: 'iso-2022-jp',
	51932: 'euc-jp',
	51936: 'gbk',
	51949: 'euc-kr',
	54936: 'gb18030',
	65001: 'utf-8'
});

/** TextDecoder label for an SPSS character code, or undefined for unknown/unsupported ones (EBCDIC, 1). */
export function labelForCodePage(code: number): string | undefined {
	if (CODE_PAGES[code]) return CODE_PAGES[code];
	if (code >= 1250 && code <= 1258) return `windows-${code}`;
	if (code >= 28591 && code <= 28606) return `iso-8859-${code - 28590}`;
	return undefined;
}

/** Normalises names found in files ("CP1252", "UTF8", "ISO_8859-1", "windows-1251") to a TextDecoder label. */
export function labelForEncodingName(name: string): string | undefined {
	const n = name.trim().replace(/\0+$/, '');
	const cp = /^(?:cp|windows-?|ibm|ms)[-_]?(\d+)$/i.exec(n);
	if (cp) {
		const byCode = labelForCodePage(Number(cp[1]));
		if (byCode) return byCode;
	}
	const iso = /^iso[-_ ]?8859[-_ ]?(\d+)(?::\d+)?$/i.exec(n);
	const candidate = iso ? `iso-8859-${iso[1]}` : n;
	return supportedLabel(candidate) ?? supportedLabel(n.replace(/_/g, '-'));
}

/** The canonical encoding name TextDecoder reports for a label, if it supports it. */
export function supportedLabel(label: string): string | undefined {
	try {
		return new TextDecoder(label).encoding;
	} catch {
		return undefined;
	}
}
