/**
 * RFC 8785 (JCS) canonical JSON. Object members are sorted by UTF-16 code units, numbers use the
 * ECMAScript Number-to-String rules and strings the ECMAScript JSON escaping, which is what the RFC
 * specifies. Input that I-JSON cannot carry is rejected rather than silently changed.
 * @see https://www.rfc-editor.org/rfc/rfc8785
 */
export function canonicalize(value: unknown): string {
	const out: string[] = [];
	write(value, out, new Set(), '$');
	return out.join('');
}

export class CanonicalJsonError extends Error {
	constructor(
		readonly path: string,
		reason: string
	) {
		super(`${path}: ${reason}`);
		this.name = 'CanonicalJsonError';
	}
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function write(value: unknown, out: string[], open: Set<object>, path: string): void {
	switch (typeof value) {
		case 'string':
			out.push(quote(value, path));
			return;
		case 'number':
			if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${value} is not a JSON number`);
			// String() is ECMAScript Number::toString, the serialisation RFC 8785 §3.2.2.3 mandates; -0 gives "0".
			out.push(String(value));
			return;
		case 'boolean':
			out.push(value ? 'true' : 'false');
			return;
		case 'object':
			if (value === null) {
				out.push('null');
				return;
			}
			if (open.has(value)) throw new CanonicalJsonError(path, 'cyclic structure');
			open.add(value);
			if (Array.isArray(value)) writeArray(value, out, open, path);
			else writeObject(value, out, open, path);
			open.delete(value);
			return;
		default:
			throw new CanonicalJsonError(path, `${typeof value} is not JSON`);
	}
}

function writeArray(value: unknown[], out: string[], open: Set<object>, path: string): void {
	out.push('[');
	for (let i = 0; i < value.length; i++) {
		if (i > 0) out.push(',');
		if (!(i in value)) throw new CanonicalJsonError(`${path}[${i}]`, 'hole in array');
		if (value[i] === undefined) throw new CanonicalJsonError(`${path}[${i}]`, 'undefined in array');
		write(value[i], out, open, `${path}[${i}]`);
	}
	out.push(']');
}

function writeObject(value: object, out: string[], open: Set<object>, path: string): void {
	if (!isPlainObject(value)) {
		throw new CanonicalJsonError(path, `${Object.prototype.toString.call(value)} is not a plain object`);
	}
	const record = value as Record<string, unknown>;
	// Default sort compares UTF-16 code units, which is exactly the order RFC 8785 §3.2.3 requires.
	const keys = Object.keys(record).sort();
	out.push('{');
	let first = true;
	for (const key of keys) {
		const member = record[key];
		if (member === undefined) continue;
		if (!first) out.push(',');
		first = false;
		out.push(quote(key, path), ':');
		write(member, out, open, `${path}.${key}`);
	}
	out.push('}');
}

function isPlainObject(value: object): boolean {
	if (Object.prototype.toString.call(value) !== '[object Object]') return false;
	const proto = Object.getPrototypeOf(value);
	// Accepts objects from another realm (structured clone, workers), whose Object.prototype differs.
	return proto === null || Object.getPrototypeOf(proto) === null;
}

function quote(text: string, path: string): string {
	// A lone surrogate would be encoded as U+FFFD in UTF-8, so two different strings could hash alike.
	if (LONE_SURROGATE.test(text)) throw new CanonicalJsonError(path, 'string contains a lone surrogate');
	// JSON.stringify implements ECMAScript QuoteJSONString, the escaping RFC 8785 §3.2.2.2 mandates.
	return JSON.stringify(text);
}
