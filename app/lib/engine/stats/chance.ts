/**
 * How likely a match between two respondents is by chance, from the answers' marginal frequencies.
 * Items are taken as independent, then corrected for dependence by `dependence` (≥ 1, a design
 * effect): the log-probability is divided by it, so d perfectly correlated items count as one.
 */

/** P(at least `atLeast` successes) of independent Bernoulli trials with probabilities `ps`
 * (Poisson-binomial upper tail). Summed over the few failures allowed, so O(k · (k − atLeast)). */
export function poissonBinomialTail(ps: readonly number[], atLeast: number): number {
	const k = ps.length;
	if (atLeast <= 0) return 1;
	if (atLeast > k) return 0;
	const maxFail = k - atLeast;
	// fail[d] = P(exactly d failures so far), d ≤ maxFail; more failures can no longer reach the tail
	const fail = new Float64Array(maxFail + 1);
	fail[0] = 1;
	for (const p of ps) {
		for (let d = maxFail; d >= 1; d--) fail[d] = fail[d] * p + fail[d - 1] * (1 - p);
		fail[0] *= p;
	}
	let sum = 0;
	for (const x of fail) sum += x;
	return Math.min(1, sum);
}

export interface Chance {
	/** Expected number of the other respondents that match this closely by chance. */
	expected: number;
	/** Probability that at least one of them does (Poisson), the respondent's chance of such a match. */
	chance: number;
}

/** From the probability that one given other respondent matches: over the n − 1 others. */
export function overOthers(pairProbability: number, n: number, dependence = 1): Chance {
	const p = pairProbability <= 0 ? 0 : Math.exp(Math.log(Math.min(1, pairProbability)) / Math.max(1, dependence));
	const expected = Math.max(0, n - 1) * p;
	return { expected, chance: -Math.expm1(-expected) };
}

/** An exact copy: every answer (missing counted as an answer) equal, with `ps` the share of the
 * other respondents giving each of this respondent's answers. */
export function exactChance(ps: readonly number[], n: number, dependence = 1): Chance {
	let log = 0;
	for (const p of ps) log += Math.log(Math.max(0, Math.min(1, p)));
	return overOthers(Math.exp(log), n, dependence);
}

/** A near copy: at least `same` of this respondent's answers matched, `ps` as for exactChance
 * over the answered items only (a missing answer never matches). */
export function nearChance(ps: readonly number[], same: number, n: number, dependence = 1): Chance {
	return overOthers(poissonBinomialTail(ps, same), n, dependence);
}

const thousands = new Intl.NumberFormat('en-US');

/** "1 in 4,000" for a probability, in words a reviewer reads. */
export function oneIn(p: number): string {
	if (!(p > 0)) return 'practically never';
	if (p < 1e-9) return 'fewer than 1 in a billion';
	if (p >= 0.5) return 'more often than not';
	const x = 1 / p;
	const digits = Math.floor(Math.log10(x));
	const round = 10 ** Math.max(0, digits - 1);
	return `about 1 in ${thousands.format(Math.round(x / round) * round)}`;
}
