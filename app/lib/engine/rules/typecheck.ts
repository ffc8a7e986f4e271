import type { Dictionary, Variable } from '../../dataset/dictionary';
import type { Expr, StringLit } from './ast';
import { RuleError } from './errors';

export type RuleType = 'number' | 'string' | 'date' | 'datetime' | 'boolean';

const DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_TEXT = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$/;

/** Checks that a parsed rule is a condition whose operands fit together; throws RuleError. */
export function checkRule(ast: Expr, dictionary: Dictionary): void {
	const t = typeOf(ast, dictionary);
	if (t !== 'boolean') {
		throw new RuleError(`a rule must be a condition such as "age < 18", not a ${t}`, ast.column);
	}
}

/** The type of an expression; throws RuleError where operands do not fit. */
export function typeOf(e: Expr, dictionary: Dictionary): RuleType {
	switch (e.kind) {
		case 'number':
			return 'number';
		case 'string':
			return 'string';
		case 'boolean':
			return 'boolean';
		case 'variable':
			return variableType(lookup(e.name, dictionary));
		case 'negate':
			expect(e.operand, 'number', dictionary, 'minus');
			return 'number';
		case 'arith':
			expect(e.left, 'number', dictionary, `"${e.op}"`);
			expect(e.right, 'number', dictionary, `"${e.op}"`);
			return 'number';
		case 'not':
			expect(e.operand, 'boolean', dictionary, '"not"');
			return 'boolean';
		case 'and':
		case 'or':
			for (const o of e.operands) expect(o, 'boolean', dictionary, `"${e.kind}"`);
			return 'boolean';
		case 'missing':
			typeOf(e.operand, dictionary);
			return 'boolean';
		case 'compare': {
			const ordered = e.op !== '=' && e.op !== '!=';
			comparable(e.left, e.right, dictionary, ordered, e.column);
			return 'boolean';
		}
		case 'call':
			return callType(e.fn, e.args, e.column, dictionary);
	}
}

function callType(fn: string, args: Expr[], column: number, dictionary: Dictionary): RuleType {
	const arity = (min: number, max: number) => {
		if (args.length < min || args.length > max) {
			const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
			throw new RuleError(`${fn}() takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}`, column);
		}
	};
	switch (fn) {
		case 'in':
			arity(2, Infinity);
			for (const v of args.slice(1)) comparable(args[0], v, dictionary, false, v.column);
			return 'boolean';
		case 'between':
			arity(3, 3);
			comparable(args[0], args[1], dictionary, true, args[1].column);
			comparable(args[0], args[2], dictionary, true, args[2].column);
			return 'boolean';
		case 'len':
			arity(1, 1);
			expect(args[0], 'string', dictionary, 'len()');
			return 'number';
		case 'abs':
			arity(1, 1);
			expect(args[0], 'number', dictionary, 'abs()');
			return 'number';
		default:
			arity(1, 1);
			expect(args[0], 'string', dictionary, `${fn}()`);
			return 'string';
	}
}

/** Throws unless a and b can be compared; a string literal may stand for a date or datetime. */
function comparable(a: Expr, b: Expr, dictionary: Dictionary, ordered: boolean, column: number): void {
	const ta = typeOf(a, dictionary);
	const tb = typeOf(b, dictionary);
	if (ordered && (ta === 'boolean' || tb === 'boolean')) {
		throw new RuleError('conditions can only be compared with = or !=', column);
	}
	const temporal = (t: RuleType) => t === 'date' || t === 'datetime';
	if (temporal(ta) && b.kind === 'string') return checkDateText(b, ta);
	if (temporal(tb) && a.kind === 'string') return checkDateText(a, tb);
	if (ta === tb || (temporal(ta) && temporal(tb))) return;
	throw new RuleError(`cannot compare ${describe(a, ta)} with ${describe(b, tb)}`, column);
}

function checkDateText(lit: StringLit, t: RuleType): void {
	const ok = t === 'date' ? DATE_TEXT.test(lit.value) : DATETIME_TEXT.test(lit.value);
	const form = t === 'date' ? "'YYYY-MM-DD'" : "'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'";
	if (!ok || !isCalendarDate(lit.value.slice(0, 10)) || !isClockTime(lit.value.slice(11))) {
		throw new RuleError(`${JSON.stringify(lit.value)} is not a ${t}; write ${form}`, lit.column);
	}
}

function isCalendarDate(text: string): boolean {
	const [y, m, d] = text.split('-').map(Number);
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function isClockTime(text: string): boolean {
	if (text === '') return true;
	const [h, min, s = 0] = text.split(':').map(Number);
	return h < 24 && min < 60 && s < 60;
}

function expect(e: Expr, want: RuleType, dictionary: Dictionary, what: string): void {
	const got = typeOf(e, dictionary);
	if (got !== want) {
		const article = want === 'boolean' ? 'a condition' : `a ${want}`;
		throw new RuleError(`${what} needs ${article}, not ${describe(e, got)}`, e.column);
	}
}

function describe(e: Expr, t: RuleType): string {
	const noun = t === 'boolean' ? 'condition' : t;
	return e.kind === 'variable' ? `${noun} variable ${JSON.stringify(e.name)}` : `a ${noun}`;
}

export function lookup(name: string, dictionary: Dictionary): Variable {
	const v = dictionary.variables.find((x) => x.name === name);
	if (!v) throw new RuleError(`unknown variable ${JSON.stringify(name)}`, 1);
	return v;
}

export function variableType(v: Variable): RuleType {
	switch (v.type) {
		case 'string':
			return 'string';
		case 'date':
			return 'date';
		case 'datetime':
			return 'datetime';
		default:
			return 'number';
	}
}
