/**
 * Text a spreadsheet would run as a formula (= + - @), or that starts with a control character
 * (NUL, tab, CR, LF, …: Excel and LibreOffice skip some of them before parsing a formula), prefixed
 * with an apostrophe so it shows as text (OWASP "CSV injection").
 */
export function neutraliseFormula(text: string): string {
	return text !== '' && ('=+-@'.includes(text.charAt(0)) || isControl(text.charCodeAt(0))) ? `'${text}` : text;
}

/** C0 controls, DEL and C1 controls. */
export const isControl = (code: number): boolean => code <= 0x1f || (code >= 0x7f && code <= 0x9f);
