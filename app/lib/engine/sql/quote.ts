/** Quotes an identifier for DuckDB: the only way a name reaches SQL text. Values are always bound. */
export function quoteIdent(name: string): string {
	if (name.includes('\0')) throw new Error(`identifier contains a NUL byte: ${JSON.stringify(name)}`);
	return `"${name.replaceAll('"', '""')}"`;
}
