import type { Dictionary } from '../../dataset/dictionary';
import type { SqlValue } from '../sql/db';
import type { Ast, Expr } from './ast';
import { isMissing, valueOf } from '../dataset/missing';
import { Frag } from '../sql/frag';
import { lookup, typeOf, type RuleType } from './typecheck';
import { checkRule } from './typecheck';

const SQL_OP: Record<string, string> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const SQL_FN: Record<string, string> = { len: 'length', lower: 'lower', upper: 'upper', trim: 'trim', abs: 'abs' };

/**
 * Compiles a parsed rule to a boolean DuckDB expression over table `data`. Names reach the SQL only
 * through quoteIdent, every literal is a `?` in `params`. A missing operand (or a division by zero,
 * as in SPSS) makes the result NULL, which WHERE treats as false.
 * @example const { text: sql, params } = compileRule(parseRule('age < 18', dict), dict);
 */
export function compileRule(ast: Ast, dictionary: Dictionary): Frag {
	checkRule(ast, dictionary);
	const params: SqlValue[] = [];
	const sql = emit(ast, dictionary, params, 'VARCHAR');
	return new Frag(sql, params);
}

type LiteralType = 'VARCHAR' | 'DATE' | 'TIMESTAMP';

function emit(e: Expr, dict: Dictionary, params: SqlValue[], stringAs: LiteralType): string {
	const sub = (x: Expr, as: LiteralType = 'VARCHAR') => emit(x, dict, params, as);
	switch (e.kind) {
		case 'number':
			params.push(e.value);
			return 'CAST(? AS DOUBLE)';
		case 'string':
			params.push(e.value);
			return `CAST(? AS ${stringAs})`;
		case 'boolean':
			params.push(e.value);
			return 'CAST(? AS BOOLEAN)';
		case 'variable':
			return fragment(valueOf(lookup(e.name, dict)), params);
		case 'negate':
			return `(- ${sub(e.operand)})`;
		case 'arith':
			return e.op === '/' ? `(${sub(e.left)} / NULLIF(${sub(e.right)}, 0))` : `(${sub(e.left)} ${e.op} ${sub(e.right)})`;
		case 'not':
			return `(NOT ${sub(e.operand)})`;
		case 'and':
		case 'or':
			return `(${e.operands.map((o) => sub(o)).join(e.kind === 'and' ? ' AND ' : ' OR ')})`;
		case 'missing': {
			const op = e.operand;
			const test = op.kind === 'variable' ? fragment(isMissing(lookup(op.name, dict)), params) : `(${sub(op)} IS NULL)`;
			return e.negated ? `(NOT ${test})` : test;
		}
		case 'compare': {
			const [l, r] = pairTypes(e.left, e.right, dict);
			return `(${sub(e.left, l)} ${SQL_OP[e.op]} ${sub(e.right, r)})`;
		}
		case 'call': {
			if (e.fn === 'in' || e.fn === 'between') {
				const [head, ...rest] = e.args;
				const headAs = pairTypes(head, rest[0], dict)[0];
				const x = sub(head, headAs);
				const others = rest.map((v) => sub(v, pairTypes(head, v, dict)[1]));
				return e.fn === 'in' ? `(${x} IN (${others.join(', ')}))` : `(${x} BETWEEN ${others[0]} AND ${others[1]})`;
			}
			return `${SQL_FN[e.fn]}(${sub(e.args[0])})`;
		}
	}
}

/** How string literals on each side are cast: as a date or timestamp when the other side is one. */
function pairTypes(a: Expr, b: Expr, dict: Dictionary): [LiteralType, LiteralType] {
	return [literalAs(typeOf(b, dict)), literalAs(typeOf(a, dict))];
}

function literalAs(other: RuleType): LiteralType {
	return other === 'date' ? 'DATE' : other === 'datetime' ? 'TIMESTAMP' : 'VARCHAR';
}

function fragment(f: Frag, params: SqlValue[]): string {
	params.push(...f.params);
	return f.text;
}
