/**
 * The terms that set each theme apart (class-based TF-IDF): frequent in the theme's answers, rare
 * in the others, so words every answer uses ("the", "und", the question's own subject) drop out
 * in any language.
 */
export function themeTermsRanked(
	docs: readonly string[][],
	weights: ArrayLike<number>,
	assign: ArrayLike<number>,
	k: number,
	top: number
): string[][] {
	const perTheme = Array.from({ length: k }, () => new Map<string, number>());
	const overall = new Map<string, number>();
	const words = new Float64Array(k);
	for (let d = 0; d < docs.length; d++) {
		const j = assign[d];
		if (j < 0) continue;
		for (const t of docs[d]) {
			perTheme[j].set(t, (perTheme[j].get(t) ?? 0) + weights[d]);
			overall.set(t, (overall.get(t) ?? 0) + weights[d]);
			words[j] += weights[d];
		}
	}
	const avgWords = words.reduce((a, b) => a + b, 0) / Math.max(1, k);
	return perTheme.map((counts, j) =>
		[...counts]
			.filter(([, n]) => n >= 2)
			.map(([t, n]) => [t, (n / Math.max(1, words[j])) * Math.log(1 + avgWords / overall.get(t)!)] as const)
			.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
			.slice(0, top)
			.map(([t]) => t)
	);
}
