export type { Ast, Expr, CompareOp, ArithOp, FunctionName } from './ast';
export { RuleError } from './errors';
export { tokenize, MAX_RULE_LENGTH } from './lexer';
export { parseRule, parseExpression, MAX_NESTING, MAX_TREE_DEPTH, MAX_NODES } from './parser';
export { compileRule } from './compile';
export { evaluateRule, selectRows } from './evaluate';
export { ruleVariables } from './variables';
export { parseSkipRule, compileSkipRule, evaluateSkipRule, type SkipRule, type SkipViolations } from './skip-logic';
