/** Numbers as both report formats print them, so the HTML and the PDF show the same text. */
export const count = (n: number): string => n.toLocaleString('en-US');

export const percent = (part: number, whole: number): string => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '–');

export const share = (x: number): string => `${(100 * x).toFixed(1)}%`;

export function decimal(x: number | null, digits = 2): string {
	return x === null || !Number.isFinite(x) ? '–' : x.toFixed(digits);
}

export const seconds = (s: number): string => (s >= 120 ? `${(s / 60).toFixed(1)} min` : `${Math.round(s)} s`);

/** A check's parameters as `key=value` pairs, in their declared order. */
export function params(p: Record<string, unknown>): string {
	const parts = Object.entries(p).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('|') : String(v)}`);
	return parts.length ? parts.join(', ') : '–';
}
