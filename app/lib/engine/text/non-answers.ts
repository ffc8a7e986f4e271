import { createTokens, tokenize, tokensLength, tokensText, type Tokens } from './tokens';

const NON_ANSWERS = new Set([
	'na',
	'n a',
	'n/a',
	'none',
	'nothing',
	'no',
	'nope',
	'nil',
	'null',
	'idk',
	'i dont know',
	'dont know',
	'i do not know',
	'do not know',
	'dunno',
	'not sure',
	'no idea',
	'no comment',
	'no comments',
	'nothing to add',
	'nothing to say',
	'no opinion',
	'whatever',
	'x',
	'xx',
	'xxx',
	'test',
	'asdf',
	'blah',
	'bla',
	'bla bla',
	'blah blah',
	'nothing really',
	'keine',
	'keine ahnung',
	'weiss nicht',
	'weiß nicht',
	'nichts',
	'k a',
	'ka',
	'kein kommentar',
	'keine angabe',
	'rien',
	'aucun',
	'aucune',
	'je ne sais pas',
	'sais pas',
	'nsp',
	'pas d avis',
	'sans avis',
	'nada',
	'no se',
	'no sé',
	'ninguno',
	'ninguna',
	'ns nc',
	'sin comentarios'
]);

const LONGEST = Math.max(...[...NON_ANSWERS].map((a) => a.length));
const scratch = createTokens();

/** True for answers that say nothing: "n/a", "idk", "-", "keine Ahnung", "no sé". */
export function isNonAnswer(text: string): boolean {
	tokenize(text.toLowerCase(), scratch);
	return isNonAnswerTokens(scratch);
}

/** `isNonAnswer` over the answer's tokens. */
export function isNonAnswerTokens(t: Tokens): boolean {
	if (t.count === 0) return true;
	return tokensLength(t) <= LONGEST && NON_ANSWERS.has(tokensText(t));
}
