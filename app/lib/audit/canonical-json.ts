/**
 * RFC 8785 (JCS) canonical JSON. Object members are sorted by UTF-16 code units, numbers use the
 * ECMAScript Number-to-String rules and strings the ECMAScript JSON escaping, which is what the RFC
 * specifies. Input that I-JSON cannot carry is rejected rather than silently changed.
 * @see https://www.rfc-editor.org/rfc/rfc8785
 */
export function canonicalize(value: unknown): string {
	try {
		return write(value, new Set());
	} catch (e) {
		if (e instanceof CanonicalJsonError) e.message = `${['$', ...e.path.reverse()].join('')}: ${e.reason}`;
		throw e;
	}
}

export class CanonicalJsonError extends Error {
	/** Innermost segment first while unwinding; the message gets the full path. */
	readonly path: string[] = [];
	constructor(readonly reason: string) {
		super(reason);
		this.name = 'CanonicalJsonError';
	}
}

function write(value: unknown, open: Set<object>): string {
	switch (typeof value) {
		case 'string':
			return quote(value);
		case 'number':
			if (!Number.isFinite(value)) throw new CanonicalJsonError(`${value} is not a JSON number`);
			// String() is ECMAScript Number::toString, the serialisation RFC 8785 §3.2.2.3 mandates; -0 gives "0".
			return String(value);
		case 'boolean':
			return value ? 'true' : 'false';
		case 'object': {
			if (value === null) return 'null';
			if (open.has(value)) throw new CanonicalJsonError('cyclic structure');
			open.add(value);
			const text = Array.isArray(value) ? writeArray(value, open) : writeObject(value, open);
			open.delete(value);
			return text;
		}
		default:
			throw new CanonicalJsonError(`${typeof value} is not JSON`);
	}
}

function writeArray(value: unknown[], open: Set<object>): string {
	let out = '[';
	for (let i = 0; i < value.length; i++) {
		try {
			if (!(i in value)) throw new CanonicalJsonError('hole in array');
			if (value[i] === undefined) throw new CanonicalJsonError('undefined in array');
			out += (i ? ',' : '') + write(value[i], open);
		} catch (e) {
			if (e instanceof CanonicalJsonError) e.path.push(`[${i}]`);
			throw e;
		}
	}
	return `${out}]`;
}

function writeObject(value: object, open: Set<object>): string {
	if (!isPlainObject(value)) throw new CanonicalJsonError(`${Object.prototype.toString.call(value)} is not a plain object`);
	const record = value as Record<string, unknown>;
	// Default sort compares UTF-16 code units, which is exactly the order RFC 8785 §3.2.3 requires.
	const keys = Object.keys(record).sort();
	let out = '{';
	for (const key of keys) {
		const member = record[key];
		if (member === undefined) continue;
		try {
			out += `${out.length > 1 ? ',' : ''}${quote(key)}:${write(member, open)}`;
		} catch (e) {
			if (e instanceof CanonicalJsonError) e.path.push(`.${key}`);
			throw e;
		}
	}
	return `${out}}`;
}

function isPlainObject(value: object): boolean {
	if (Object.prototype.toString.call(value) !== '[object Object]') return false;
	const proto = Object.getPrototypeOf(value);
	// Accepts objects from another realm (structured clone, workers), whose Object.prototype differs.
	return proto === null || Object.getPrototypeOf(proto) === null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;

function quote(text: string): string {
	// A lone surrogate would be encoded as U+FFFD in UTF-8, so two different strings could hash alike.
	if (ANY_SURROGATE.test(text) && LONE_SURROGATE.test(text)) throw new CanonicalJsonError('string contains a lone surrogate');
	// JSON.stringify implements ECMAScript QuoteJSONString, the escaping RFC 8785 §3.2.2.2 mandates.
	return JSON.stringify(text);
}
