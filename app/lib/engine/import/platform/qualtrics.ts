import type { HeaderPlan } from './types';

/**
 * Qualtrics CSV/TSV/Excel exports: row 1 variable names, row 2 question text, row 3 an ImportId
 * JSON per column (`{"ImportId":"QID1_1"}`, `{"ImportId":"startDate","timeZone":"Europe/Berlin"}`).
 * Recognised only when the third row is such JSON in most cells, so no ordinary file matches.
 */
export function qualtricsHeader(names: string[], rows: string[][]): HeaderPlan | null {
	const [text, ids] = rows;
	if (!text || !ids || text.length !== names.length || ids.length !== names.length) return null;
	const parsed = ids.map(importId);
	if (!parsed[0] || parsed.filter(Boolean).length < names.length / 2) return null;
	// Excel exports hold Qualtrics' timestamps as text; CSV typing finds them on its own
	const stamps = parsed.flatMap((p, i) => (p?.timeZone || /^(startDate|endDate|recordedDate)$/.test(p?.ImportId?.[0] ?? '') ? [i] : []));
	return {
		platform: 'qualtrics',
		extraRows: 2,
		names,
		labels: text.map(label),
		attributes: parsed,
		datetimes: { columns: stamps, formats: ['%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S'] },
		warning: 'Qualtrics export: 2 header rows read as labels (question text) and import ids'
	};
}

function importId(cell: string): Record<string, string[]> | null {
	let s = cell.trim();
	// a TSV export writes the JSON unquoted, so a CSV reader has dropped its quotes
	if (s.startsWith('{ImportId:')) s = s.replace(/([{,])([^:,{}]+):([^,{}]*)/g, (_, p, k, v) => `${p}${JSON.stringify(k)}:${JSON.stringify(v)}`);
	if (!s.startsWith('{"ImportId"')) return null;
	try {
		const o: unknown = JSON.parse(s);
		if (!o || typeof o !== 'object' || typeof (o as Record<string, unknown>).ImportId !== 'string') return null;
		const out: Record<string, string[]> = {};
		for (const [k, v] of Object.entries(o)) if (typeof v === 'string' || typeof v === 'number') out[k] = [String(v)];
		return out;
	} catch {
		return null;
	}
}

/**
 * The legacy export (before 2015): row 1 V1…V10 then question ids, row 2 "ResponseID",
 * "ResponseSet", … then question text. V-columns take their row-2 name so roles are found.
 */
export function legacyQualtricsHeader(names: string[], rows: string[][]): HeaderPlan | null {
	const [text] = rows;
	if (!text || text.length !== names.length) return null;
	if (names[0]?.trim() !== 'V1' || names[1]?.trim() !== 'V2' || !/^ResponseID$/i.test(text[0]?.trim() ?? '')) return null;
	const renamed: string[] = [];
	const out = names.map((n, i) => {
		const t = text[i]?.trim() ?? '';
		if (/^V\d+$/.test(n.trim()) && /^[A-Za-z][A-Za-z0-9_]*$/.test(t) && !names.includes(t)) {
			renamed.push(`${n.trim()} → ${t}`);
			return t;
		}
		return n;
	});
	return {
		platform: 'qualtrics',
		extraRows: 1,
		names: out,
		labels: text.map(label),
		attributes: names.map(() => null),
		warning: `Qualtrics legacy export: header row 2 read as labels${renamed.length ? `; renamed ${renamed.join(', ')}` : ''}`
	};
}

function label(s: string): string | null {
	const t = s.replace(/\s+/g, ' ').trim();
	return t === '' ? null : t;
}
