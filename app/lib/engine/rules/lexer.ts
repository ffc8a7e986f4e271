import { RuleError } from './errors';

export type TokenKind = 'number' | 'string' | 'ident' | 'quoted-ident' | 'op' | 'punct' | 'eof';

export interface Token {
	kind: TokenKind;
	/** Identifier or string content after escapes; operator or punctuation text; number source. */
	text: string;
	column: number;
}

export const MAX_RULE_LENGTH = 10000;

const TWO_CHAR_OPS = new Set(['<=', '>=', '!=', '<>', '==']);
const ONE_CHAR_OPS = new Set(['<', '>', '=', '+', '-', '*', '/']);
const PUNCT = new Set(['(', ')', ',']);
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' };

/** Splits rule text into tokens; columns are 1-based UTF-16 positions. */
export function tokenize(text: string): Token[] {
	if (text.length > MAX_RULE_LENGTH) {
		throw new RuleError(`rule is longer than ${MAX_RULE_LENGTH} characters`, MAX_RULE_LENGTH + 1);
	}
	const tokens: Token[] = [];
	let i = 0;
	while (i < text.length) {
		const c = text[i];
		const column = i + 1;
		if (/\s/.test(c)) {
			i++;
		} else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
			const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i, i + 400))!;
			if (isIdentStart(text[i + m[0].length] ?? '')) {
				throw new RuleError(`unexpected character ${show(text[i + m[0].length])}`, i + m[0].length + 1);
			}
			tokens.push({ kind: 'number', text: m[0], column });
			i += m[0].length;
		} else if (c === "'" || c === '"') {
			const [value, end] = readString(text, i);
			tokens.push({ kind: 'string', text: value, column });
			i = end;
		} else if (c === '`') {
			const [name, end] = readQuotedIdent(text, i);
			tokens.push({ kind: 'quoted-ident', text: name, column });
			i = end;
		} else if (isIdentStart(c)) {
			let j = i + 1;
			while (j < text.length && isIdentPart(text[j])) j++;
			tokens.push({ kind: 'ident', text: text.slice(i, j), column });
			i = j;
		} else if (TWO_CHAR_OPS.has(text.slice(i, i + 2))) {
			tokens.push({ kind: 'op', text: text.slice(i, i + 2), column });
			i += 2;
		} else if (ONE_CHAR_OPS.has(c)) {
			tokens.push({ kind: 'op', text: c, column });
			i++;
		} else if (PUNCT.has(c)) {
			tokens.push({ kind: 'punct', text: c, column });
			i++;
		} else {
			throw new RuleError(`unexpected character ${show(c)}`, column);
		}
	}
	tokens.push({ kind: 'eof', text: '', column: text.length + 1 });
	return tokens;
}

function readString(text: string, start: number): [string, number] {
	const quote = text[start];
	let out = '';
	let i = start + 1;
	while (i < text.length) {
		const c = text[i];
		if (c === quote) {
			if (text[i + 1] === quote) {
				out += quote;
				i += 2;
				continue;
			}
			return [out, i + 1];
		}
		if (c === '\\') {
			const e = text[i + 1];
			if (e === undefined) break;
			if (e === 'u') {
				const [ch, len] = readUnicodeEscape(text, i);
				out += ch;
				i += len;
				continue;
			}
			const mapped = ESCAPES[e];
			if (mapped === undefined) throw new RuleError(`unknown escape \\${e}`, i + 1);
			out += mapped;
			i += 2;
			continue;
		}
		out += c;
		i++;
	}
	throw new RuleError(`unterminated string starting`, start + 1);
}

function readUnicodeEscape(text: string, at: number): [string, number] {
	const braced = /^\\u\{([0-9a-fA-F]{1,6})\}/.exec(text.slice(at, at + 10));
	const plain = /^\\u([0-9a-fA-F]{4})/.exec(text.slice(at, at + 6));
	const m = braced ?? plain;
	const code = m ? parseInt(m[1], 16) : Number.NaN;
	if (!m || code > 0x10ffff) throw new RuleError('invalid unicode escape', at + 1);
	return [String.fromCodePoint(code), m[0].length];
}

function readQuotedIdent(text: string, start: number): [string, number] {
	let out = '';
	let i = start + 1;
	while (i < text.length) {
		if (text[i] === '`') {
			if (text[i + 1] === '`') {
				out += '`';
				i += 2;
				continue;
			}
			if (out === '') throw new RuleError('empty variable name', start + 1);
			return [out, i + 1];
		}
		out += text[i];
		i++;
	}
	throw new RuleError('unterminated `quoted name` starting', start + 1);
}

function isDigit(c: string): boolean {
	return c >= '0' && c <= '9';
}

function isIdentStart(c: string): boolean {
	return /[\p{L}_@#$]/u.test(c);
}

function isIdentPart(c: string): boolean {
	return /[\p{L}\p{N}_@#$.]/u.test(c);
}

function show(c: string): string {
	return JSON.stringify(c);
}
