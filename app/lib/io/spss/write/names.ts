/**
 * Variable names for a system file: each variable gets a valid long name (≤ 64 bytes, record 7.13)
 * and an upper-case ASCII short name (≤ 8 bytes, variable record); very long strings also need
 * one short name per extra segment.
 */
import { utf8 } from './text';

const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);
const LONG_MAX_BYTES = 64;
// Only the Basic Multilingual Plane: PSPP's Unicode tables are older than ours and reject names
// with letters added since (found by the property test, e.g. U+1E067).
const FIRST = /^[\p{L}@]$/u;
const REST = /^[\p{L}\p{M}\p{N}._$#@]$/u;
const inBmp = (c: string) => c.length === 1;
const first = (c: string) => inBmp(c) && FIRST.test(c);
const rest = (c: string) => inBmp(c) && REST.test(c);

export interface Rename {
	/** Position of the variable in the dictionary (names may repeat, so `from` alone is ambiguous). */
	index: number;
	from: string;
	to: string;
}

export interface NamePlan {
	long: string[];
	short: string[];
	renamed: Rename[];
	/** Short names and upper-cased long names in use, for naming very long string segments. */
	taken: Set<string>;
}

export function isValidLongName(name: string): boolean {
	const chars = [...name];
	if (chars.length === 0 || utf8(name).length > LONG_MAX_BYTES) return false;
	if (!first(chars[0]) || name.endsWith('.')) return false;
	if (RESERVED.has(name.toUpperCase())) return false;
	return chars.every(rest);
}

function cutToBytes(name: string, max: number): string {
	let out = '';
	let bytes = 0;
	for (const c of name) {
		const n = utf8(c).length;
		if (bytes + n > max) break;
		out += c;
		bytes += n;
	}
	return out;
}

function sanitize(name: string): string {
	let chars = [...name.trim()].map((c) => (rest(c) ? c : '_'));
	if (chars.length === 0 || !first(chars[0])) chars = ['v', ...chars];
	let out = cutToBytes(chars.join(''), LONG_MAX_BYTES);
	if (out.endsWith('.')) out = out.slice(0, -1) + '_';
	if (RESERVED.has(out.toUpperCase())) out += '_';
	return out;
}

function withSuffix(base: string, n: number, maxBytes: number, ascii: boolean): string {
	const suffix = ascii ? String(n) : `_${n}`;
	return (ascii ? base.slice(0, maxBytes - suffix.length) : cutToBytes(base, maxBytes - suffix.length)) + suffix;
}

/** A short name derived from `base` that `isFree` accepts; adds it to `taken`. */
export function uniqueShortName(base: string, taken: Set<string>, isFree = (c: string) => !taken.has(c)): string {
	let ascii = base.toUpperCase().replace(/[^A-Z0-9@#$_.]/g, '');
	if (!/^[A-Z@]/.test(ascii)) ascii = 'V' + ascii;
	ascii = ascii.slice(0, 8);
	if (ascii.endsWith('.')) ascii = ascii.slice(0, -1) + '_';
	let candidate = ascii;
	for (let n = 1; !isFree(candidate) || RESERVED.has(candidate); n++) {
		candidate = withSuffix(ascii, n, 8, true);
	}
	taken.add(candidate);
	return candidate;
}

export function planNames(names: readonly string[]): NamePlan {
	const taken = new Set<string>();
	const long: string[] = [];
	const renamed: Rename[] = [];
	for (const [index, original] of names.entries()) {
		const base = isValidLongName(original) ? original : sanitize(original);
		let name = base;
		for (let n = 2; taken.has(name.toUpperCase()); n++) name = withSuffix(base, n, LONG_MAX_BYTES, false);
		taken.add(name.toUpperCase());
		long.push(name);
		if (name !== original) renamed.push({ index, from: original, to: name });
	}
	// A short name may equal its own long name, never another variable's: PSPP renames the short
	// names to the long ones one by one and would meet the clash.
	const owner = new Map(long.map((name, i) => [name.toUpperCase(), i]));
	const shortTaken = new Set<string>();
	const short = long.map((name, i) => uniqueShortName(name, shortTaken, (c) => !shortTaken.has(c) && (owner.get(c) ?? i) === i));
	for (const s of shortTaken) taken.add(s);
	return { long, short, renamed, taken };
}
