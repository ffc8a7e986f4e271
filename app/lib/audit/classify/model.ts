import { CATEGORIES, type Category } from './categories';

/** Multinomial naive Bayes over binary tokens, as `wasm-models/train-audit-category.ts` writes it. */
export type CategoryModel = {
	version: 1;
	classes: Category[];
	/** log P(class) */
	prior: number[];
	/** token → log P(token | class) per class */
	tokens: Record<string, number[]>;
	metrics: Record<string, number>;
};

/**
 * Class probabilities for a token set (tokens the model never saw are ignored), and the share of
 * its payload keys (`key:` tokens) the model knows: how familiar the event's shape is.
 * `uniformPrior` drops the training base rates, for events of unknown types.
 */
export function predictCategory(
	model: CategoryModel,
	tokens: readonly string[],
	uniformPrior = false
): { p: Record<Category, number>; coverage: number } {
	const logits = uniformPrior ? model.prior.map(() => 0) : [...model.prior];
	let keys = 0;
	let known = 0;
	for (const t of tokens) {
		const w = model.tokens[t];
		if (t.startsWith('key:')) {
			keys++;
			if (w) known++;
		}
		if (!w) continue;
		for (let c = 0; c < logits.length; c++) logits[c] += w[c];
	}
	const max = Math.max(...logits);
	const exp = logits.map((l) => Math.exp(l - max));
	const sum = exp.reduce((a, b) => a + b, 0);
	const out = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
	model.classes.forEach((c, i) => (out[c] = exp[i] / sum));
	return { p: out, coverage: keys ? known / keys : 0 };
}
