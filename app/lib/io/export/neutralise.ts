/**
 * Text a spreadsheet would run as a formula (= + - @, or a tab / CR / LF before one), prefixed with
 * an apostrophe so it shows as text (OWASP "CSV injection").
 */
export function neutraliseFormula(text: string): string {
	return /^[=+\-@\t\r\n]/.test(text) ? `'${text}` : text;
}
