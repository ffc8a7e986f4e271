/** A rule that cannot be parsed or compiled; `column` is 1-based in the rule text. */
export class RuleError extends Error {
	readonly column: number;
	/** The problem alone, without position or hint. */
	readonly description: string;
	readonly hint: string | null;
	constructor(description: string, column: number, hint: string | null = null) {
		super(`${description} at column ${column}${hint ? `; ${hint}` : ''}`);
		this.name = 'RuleError';
		this.column = column;
		this.description = description;
		this.hint = hint;
	}
}
