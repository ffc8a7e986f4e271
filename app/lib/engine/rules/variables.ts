import type { Expr } from './ast';
import { children } from './parser';

/** The distinct variable names a rule reads, in order of first use. */
export function ruleVariables(ast: Expr): string[] {
	const seen = new Set<string>();
	const stack: Expr[] = [ast];
	while (stack.length > 0) {
		const e = stack.pop()!;
		if (e.kind === 'variable') seen.add(e.name);
		stack.push(...children(e).reverse());
	}
	return [...seen];
}
