export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type ArithOp = '+' | '-' | '*' | '/';
export type FunctionName = 'in' | 'between' | 'len' | 'lower' | 'upper' | 'trim' | 'abs';

/** Where a node starts in the rule text (1-based column). */
interface At {
	column: number;
}

export interface NumberLit extends At {
	kind: 'number';
	value: number;
}
export interface StringLit extends At {
	kind: 'string';
	value: string;
}
export interface BoolLit extends At {
	kind: 'boolean';
	value: boolean;
}
export interface VarRef extends At {
	kind: 'variable';
	/** The dictionary's spelling of the name. */
	name: string;
}
export interface Compare extends At {
	kind: 'compare';
	op: CompareOp;
	left: Expr;
	right: Expr;
}
export interface Arith extends At {
	kind: 'arith';
	op: ArithOp;
	left: Expr;
	right: Expr;
}
export interface Negate extends At {
	kind: 'negate';
	operand: Expr;
}
export interface Not extends At {
	kind: 'not';
	operand: Expr;
}
export interface Logical extends At {
	kind: 'and' | 'or';
	operands: Expr[];
}
export interface IsMissing extends At {
	kind: 'missing';
	negated: boolean;
	operand: Expr;
}
export interface Call extends At {
	kind: 'call';
	fn: FunctionName;
	args: Expr[];
}

export type Expr = NumberLit | StringLit | BoolLit | VarRef | Compare | Arith | Negate | Not | Logical | IsMissing | Call;

/** A parsed rule: a boolean expression over the dataset's variables. */
export type Ast = Expr;
