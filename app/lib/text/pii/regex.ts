export const escapeRegex = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** An alternation matching each word as written or capitalised: `\p{Lu}` under the `i` flag matches every letter, so case-insensitivity is spelt out. */
export const anyCase = (ws: readonly string[]): string =>
	`(?:${ws.map((w) => `[${w.charAt(0)}${w.charAt(0).toUpperCase()}]${escapeRegex(w.slice(1))}`).join('|')})`;
