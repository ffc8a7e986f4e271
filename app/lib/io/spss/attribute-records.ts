/**
 * Records 7.17 (file attributes) and 7.18 (variable attributes):
 * `name('value'\n'value'\n)name2(...)`, and for variables `var:attrs/var2:attrs`.
 */

export type AttributeSet = Record<string, string[]>;

/** Parses one attribute set from text starting at pos; returns the set and where it stopped. */
export function parseAttributeSet(text: string, pos = 0, stopAt = ''): { set: AttributeSet; end: number } {
	const set: AttributeSet = {};
	while (pos < text.length && !stopAt.includes(text[pos])) {
		const open = text.indexOf('(', pos);
		if (open < 0) break;
		const name = text.slice(pos, open);
		pos = open + 1;
		const values: string[] = [];
		while (pos < text.length && text[pos] !== ')') {
			if (text[pos] !== "'") break;
			const close = text.indexOf("'\n", pos + 1);
			if (close < 0) break;
			values.push(text.slice(pos + 1, close));
			pos = close + 2;
		}
		if (text[pos] !== ')') break;
		pos++;
		set[name] = values;
	}
	return { set, end: pos };
}

/** Variable name (as in the record, long name) → its attribute set. */
export function parseVariableAttributes(text: string): Map<string, AttributeSet> {
	const out = new Map<string, AttributeSet>();
	let pos = 0;
	while (pos < text.length) {
		const colon = text.indexOf(':', pos);
		if (colon < 0) break;
		const name = text.slice(pos, colon);
		const { set, end } = parseAttributeSet(text, colon + 1, '/');
		out.set(name, { ...(out.get(name) ?? {}), ...set });
		if (text[end] !== '/') break;
		pos = end + 1;
	}
	return out;
}
