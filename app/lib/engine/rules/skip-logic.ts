import type { Dictionary } from '../../dataset/dictionary';
import type { SqlDb } from '../sql/db';
import type { Ast } from './ast';
import { compileRule } from './compile';
import { isMissing } from '../dataset/missing';
import { sql, type Frag } from '../sql/frag';
import { selectRows } from './evaluate';
import { RuleError } from './errors';
import { tokenize } from './lexer';
import { parseRule } from './parser';
import { resolveVariable } from './resolve-variable';

/** Routing: `question` is asked exactly when `condition` holds. */
export interface SkipRule {
	question: string;
	condition: Ast;
}

export interface SkipViolations {
	/** Answered although the condition is false or unknown (the question should have been skipped). */
	answeredWhenSkipped: Int32Array;
	/** Missing although the condition is true (the question was asked). */
	missingWhenAsked: Int32Array;
}

/**
 * Parses routing written as `QUESTION asked if CONDITION`, e.g. `q5 asked if q4 = 1`.
 * @example const skip = parseSkipRule('q5 asked if q4 = 1', dictionary);
 */
export function parseSkipRule(text: string, dictionary: Dictionary): SkipRule {
	const tokens = tokenize(text);
	const [q, asked, when] = tokens;
	if (q.kind !== 'ident' && q.kind !== 'quoted-ident') {
		throw new RuleError('expected the question variable', q.column, 'write e.g. "q5 asked if q4 = 1"');
	}
	const isWord = (i: number, w: string) => tokens[i]?.kind === 'ident' && tokens[i].text.toLowerCase() === w;
	if (!isWord(1, 'asked')) throw new RuleError('expected "asked"', asked.column, 'write e.g. "q5 asked if q4 = 1"');
	if (!isWord(2, 'if')) throw new RuleError('expected "if"', when.column, 'write e.g. "q5 asked if q4 = 1"');
	const question = resolveVariable(q.text, dictionary, q.column).name;
	const start = tokens[3].column - 1;
	const condition = parseRule(' '.repeat(start) + text.slice(start), dictionary);
	return { question, condition };
}

/** The two kinds of routing violation as boolean SQL over table `data`. */
export function compileSkipRule(skip: SkipRule, dictionary: Dictionary): { answeredWhenSkipped: Frag; missingWhenAsked: Frag } {
	const variable = dictionary.variables.find((v) => v.name === skip.question);
	if (!variable) throw new RuleError(`unknown variable ${JSON.stringify(skip.question)}`, 1);
	const missing = isMissing(variable);
	const cond = compileRule(skip.condition, dictionary);
	return {
		answeredWhenSkipped: sql`((NOT ${missing}) AND (NOT COALESCE(${cond}, FALSE)))`,
		missingWhenAsked: sql`(${missing} AND COALESCE(${cond}, FALSE))`
	};
}

/**
 * Rows of `data` that break a routing rule, by kind.
 * @example const v = await evaluateSkipRule(db, 'q5 asked if q4 = 1', dictionary);
 */
export async function evaluateSkipRule(db: SqlDb, text: string, dictionary: Dictionary): Promise<SkipViolations> {
	const compiled = compileSkipRule(parseSkipRule(text, dictionary), dictionary);
	return {
		answeredWhenSkipped: await selectRows(db, compiled.answeredWhenSkipped.text, [...compiled.answeredWhenSkipped.params]),
		missingWhenAsked: await selectRows(db, compiled.missingWhenAsked.text, [...compiled.missingWhenAsked.params])
	};
}
