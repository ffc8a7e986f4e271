import type { MissingSpec } from '$lib/dataset/dictionary';

/** "98, 99; 900 thru HIGHEST" — the user-missing declaration as SPSS users write it. */
export function describeMissing(m: MissingSpec): string {
	const parts: string[] = [];
	if (m.values.length) parts.push(m.values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', '));
	if (m.range) parts.push(`${m.range[0] ?? 'LOWEST'} thru ${m.range[1] ?? 'HIGHEST'}`);
	return parts.length ? parts.join('; ') : 'none';
}
