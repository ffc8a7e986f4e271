/** Print formats of portable-file variables: system-file type codes, checked against the variable. */
import { formatName, printFormat } from '../formats';

/**
 * SPSS 25 writes some date and time formats in portable files with codes 82 above the system-file
 * ones (seen: 103 TIME, 104 DATETIME, 120 EDATE in tests/fixtures/sav/pyreadstat_sample.por).
 */
const SHIFTED_DATE_CODES = 82;

export interface PorFormat {
	text: string;
	type: string;
	warning?: string;
}

export function porFormat(name: string, code: number, width: number, decimals: number, stringWidth: number): PorFormat {
	let type = formatName(code);
	let warning: string | undefined;
	if (type === undefined && stringWidth === 0) {
		const shifted = formatName(code - SHIFTED_DATE_CODES);
		if (shifted && code - SHIFTED_DATE_CODES >= 20) {
			type = shifted;
			warning = `${name}: format code ${code} read as ${shifted} (SPSS portable-file date code)`;
		}
	}
	const isString = type === 'A' || type === 'AHEX';
	const fits = type !== undefined && isString === stringWidth > 0 && width >= 1 && width <= (isString ? 32767 : 40) && decimals <= 16;
	if (!fits) {
		const fallback = stringWidth > 0 ? { type: 'A', width: stringWidth, decimals: 0 } : { type: 'F', width: 8, decimals: 2 };
		return {
			text: printFormat(fallback),
			type: fallback.type,
			warning: `${name}: invalid format (code ${code}, width ${width}, decimals ${decimals}); using ${printFormat(fallback)}`
		};
	}
	return { text: printFormat({ type: type!, width, decimals }), type: type!, warning };
}
