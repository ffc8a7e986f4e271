import type { Dictionary } from '../../dataset/dictionary';
import type { ArithOp, Ast, CompareOp, Expr, FunctionName } from './ast';
import { RuleError } from './errors';
import { tokenize, type Token } from './lexer';
import { resolveVariable } from './resolve-variable';
import { checkRule } from './typecheck';

/** Parentheses, `not` and unary minus nest at most this deep; DuckDB and the JS stack stay safe. */
export const MAX_NESTING = 64;
/** Arithmetic chains become nested SQL; DuckDB refuses expressions deeper than 1000. */
export const MAX_TREE_DEPTH = 200;
export const MAX_NODES = 2000;

const COMPARE: Record<string, CompareOp> = {
	'=': '=',
	'==': '=',
	'!=': '!=',
	'<>': '!=',
	'<': '<',
	'<=': '<=',
	'>': '>',
	'>=': '>='
};
const FUNCTIONS: Record<string, FunctionName> = {
	in: 'in',
	between: 'between',
	len: 'len',
	lower: 'lower',
	upper: 'upper',
	trim: 'trim',
	abs: 'abs'
};
const KEYWORDS = new Set(['and', 'or', 'not', 'is', 'in', 'missing', 'true', 'false']);

/**
 * Parses a rule such as `q5 is not missing and q4 != 1` against the dataset's variables.
 * Throws RuleError (with `.column`) on bad syntax, unknown variables or mismatched types.
 * @example const ast = parseRule('between(age, 18, 65)', dictionary);
 */
export function parseRule(text: string, dictionary: Dictionary): Ast {
	const ast = parseExpression(text, dictionary);
	checkRule(ast, dictionary);
	return ast;
}

/** Parses without requiring the result to be a condition (e.g. the question of a skip rule). */
export function parseExpression(text: string, dictionary: Dictionary): Expr {
	const parser = new Parser(tokenize(text), dictionary);
	const expr = parser.parseAll();
	if (treeDepth(expr) > MAX_TREE_DEPTH) {
		throw new RuleError(`expression is nested more than ${MAX_TREE_DEPTH} levels deep`, expr.column);
	}
	return expr;
}

class Parser {
	private pos = 0;
	private nesting = 0;
	private nodes = 0;
	constructor(
		private readonly tokens: Token[],
		private readonly dictionary: Dictionary
	) {}

	parseAll(): Expr {
		if (this.peek().kind === 'eof') throw new RuleError('empty rule', 1);
		const expr = this.parseOr();
		const t = this.peek();
		if (t.kind !== 'eof') throw new RuleError(`unexpected ${describe(t)}`, t.column);
		return expr;
	}

	private parseOr(): Expr {
		return this.parseLogical('or', () => this.parseAnd());
	}

	private parseAnd(): Expr {
		return this.parseLogical('and', () => this.parseNot());
	}

	private parseLogical(kind: 'and' | 'or', next: () => Expr): Expr {
		const first = next();
		if (!this.isKeyword(this.peek(), kind)) return first;
		const operands = [first];
		while (this.isKeyword(this.peek(), kind)) {
			this.pos++;
			operands.push(next());
		}
		return this.node({ kind, operands, column: first.column });
	}

	private parseNot(): Expr {
		const t = this.peek();
		if (this.isKeyword(t, 'not')) {
			this.pos++;
			return this.nested(t, () => this.node({ kind: 'not', operand: this.parseNot(), column: t.column }));
		}
		return this.parseComparison();
	}

	private parseComparison(): Expr {
		const left = this.parseAdditive();
		const t = this.peek();
		if (t.kind === 'op' && t.text in COMPARE) {
			this.pos++;
			const right = this.parseAdditive();
			const after = this.peek();
			if (after.kind === 'op' && after.text in COMPARE) {
				throw new RuleError(`comparisons cannot be chained; use "and"`, after.column);
			}
			return this.node({ kind: 'compare', op: COMPARE[t.text], left, right, column: t.column });
		}
		const negatedIn = this.isKeyword(t, 'not') && this.isKeyword(this.tokens[this.pos + 1], 'in');
		if (this.isKeyword(t, 'in') || negatedIn) {
			this.pos += negatedIn ? 2 : 1;
			const open = this.peek();
			this.expectPunct('(');
			const call = this.nested(open, () => {
				const args = [left, this.parseOr()];
				while (this.isPunct(this.peek(), ',')) {
					this.pos++;
					args.push(this.parseOr());
				}
				this.expectPunct(')');
				return this.node({ kind: 'call', fn: 'in', args, column: open.column });
			});
			return negatedIn ? this.node({ kind: 'not', operand: call, column: t.column }) : call;
		}
		if (this.isKeyword(t, 'is')) {
			this.pos++;
			let negated = false;
			if (this.isKeyword(this.peek(), 'not')) {
				this.pos++;
				negated = true;
			}
			this.expectKeyword('missing');
			return this.node({ kind: 'missing', negated, operand: left, column: t.column });
		}
		return left;
	}

	private parseAdditive(): Expr {
		let left = this.parseMultiplicative();
		for (;;) {
			const t = this.peek();
			if (t.kind !== 'op' || (t.text !== '+' && t.text !== '-')) return left;
			this.pos++;
			const right = this.parseMultiplicative();
			left = this.node({ kind: 'arith', op: t.text as ArithOp, left, right, column: t.column });
		}
	}

	private parseMultiplicative(): Expr {
		let left = this.parseUnary();
		for (;;) {
			const t = this.peek();
			if (t.kind !== 'op' || (t.text !== '*' && t.text !== '/')) return left;
			this.pos++;
			const right = this.parseUnary();
			left = this.node({ kind: 'arith', op: t.text as ArithOp, left, right, column: t.column });
		}
	}

	private parseUnary(): Expr {
		const t = this.peek();
		if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
			this.pos++;
			return this.nested(t, () => {
				const operand = this.parseUnary();
				return t.text === '+' ? operand : this.node({ kind: 'negate', operand, column: t.column });
			});
		}
		return this.parsePrimary();
	}

	private parsePrimary(): Expr {
		const t = this.peek();
		switch (t.kind) {
			case 'number': {
				this.pos++;
				const value = Number(t.text);
				if (!Number.isFinite(value)) throw new RuleError(`number ${t.text} is too large`, t.column);
				return this.node({ kind: 'number', value, column: t.column });
			}
			case 'string':
				this.pos++;
				return this.node({ kind: 'string', value: t.text, column: t.column });
			case 'quoted-ident':
				this.pos++;
				return this.variable(t);
			case 'ident':
				return this.parseIdent(t);
			case 'punct':
				if (t.text === '(') {
					this.pos++;
					const inner = this.nested(t, () => this.parseOr());
					this.expectPunct(')');
					return inner;
				}
				break;
		}
		throw new RuleError('expected a value, variable or "("', t.column, `found ${describe(t)}`);
	}

	private parseIdent(t: Token): Expr {
		const word = t.text.toLowerCase();
		const next = this.tokens[this.pos + 1];
		if (next.kind === 'punct' && next.text === '(') {
			const fn = FUNCTIONS[word];
			if (!fn) {
				throw new RuleError(`unknown function ${JSON.stringify(t.text)}`, t.column, `functions are ${Object.keys(FUNCTIONS).join(', ')}`);
			}
			this.pos += 2;
			return this.nested(t, () => {
				const args: Expr[] = [];
				if (!this.isPunct(this.peek(), ')')) {
					args.push(this.parseOr());
					while (this.isPunct(this.peek(), ',')) {
						this.pos++;
						args.push(this.parseOr());
					}
				}
				this.expectPunct(')');
				return this.node({ kind: 'call', fn, args, column: t.column });
			});
		}
		if (word === 'true' || word === 'false') {
			this.pos++;
			return this.node({ kind: 'boolean', value: word === 'true', column: t.column });
		}
		if (KEYWORDS.has(word)) {
			throw new RuleError('expected a value, variable or "("', t.column, `found "${t.text}"`);
		}
		this.pos++;
		return this.variable(t);
	}

	private variable(t: Token): Expr {
		const variable = resolveVariable(t.text, this.dictionary, t.column);
		return this.node({ kind: 'variable', name: variable.name, column: t.column });
	}

	private nested<T>(at: Token, body: () => T): T {
		if (++this.nesting > MAX_NESTING) {
			throw new RuleError(`expression is nested more than ${MAX_NESTING} levels deep`, at.column);
		}
		const result = body();
		this.nesting--;
		return result;
	}

	private node<T extends Expr>(expr: T): T {
		if (++this.nodes > MAX_NODES) throw new RuleError(`rule has more than ${MAX_NODES} terms`, expr.column);
		return expr;
	}

	private peek(): Token {
		return this.tokens[this.pos];
	}

	private isKeyword(t: Token, word: string): boolean {
		return t.kind === 'ident' && t.text.toLowerCase() === word;
	}

	private isPunct(t: Token, p: string): boolean {
		return t.kind === 'punct' && t.text === p;
	}

	private expectPunct(p: string): void {
		const t = this.peek();
		if (!this.isPunct(t, p)) throw new RuleError(`expected '${p}'`, t.column, `found ${describe(t)}`);
		this.pos++;
	}

	private expectKeyword(word: string): void {
		const t = this.peek();
		if (!this.isKeyword(t, word)) throw new RuleError(`expected "${word}"`, t.column, `found ${describe(t)}`);
		this.pos++;
	}
}

function describe(t: Token): string {
	switch (t.kind) {
		case 'eof':
			return 'the end of the rule';
		case 'string':
			return 'a string';
		case 'number':
			return `number ${t.text}`;
		case 'quoted-ident':
			return `\`${t.text}\``;
		default:
			return `"${t.text}"`;
	}
}

/** Depth of the tree without recursion, so a hostile chain cannot overflow the stack. */
export function treeDepth(root: Expr): number {
	let max = 0;
	const stack: [Expr, number][] = [[root, 1]];
	while (stack.length > 0) {
		const [e, d] = stack.pop()!;
		if (d > max) max = d;
		for (const c of children(e)) stack.push([c, d + 1]);
	}
	return max;
}

export function children(e: Expr): Expr[] {
	switch (e.kind) {
		case 'compare':
		case 'arith':
			return [e.left, e.right];
		case 'negate':
		case 'not':
		case 'missing':
			return [e.operand];
		case 'and':
		case 'or':
			return e.operands;
		case 'call':
			return e.args;
		default:
			return [];
	}
}
