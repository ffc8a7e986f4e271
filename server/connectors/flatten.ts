/**
 * A submission as one row: nested groups become `group<sep>question` columns, repeats and other
 * lists stay whole as JSON text (a researcher can still read them; they are not rectangular).
 */
export function flatten(
	record: Record<string, unknown>,
	sep: string,
	prefix = '',
	out: Record<string, unknown> = {}
): Record<string, unknown> {
	for (const [key, value] of Object.entries(record)) {
		const name = prefix ? `${prefix}${sep}${key}` : key;
		if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Record<string, unknown>, sep, name, out);
		else out[name] = value;
	}
	return out;
}
