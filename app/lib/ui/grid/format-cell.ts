import type { Variable } from '$lib/dataset/dictionary';
import type { CellValue } from '$lib/engine/api';

/** Seconds as h:mm:ss (SPSS TIME style); negative durations keep their sign. */
export function formatSeconds(s: number): string {
	const sign = s < 0 ? '-' : '';
	const t = Math.abs(s);
	const h = Math.floor(t / 3600);
	const m = Math.floor((t % 3600) / 60);
	const sec = t % 60;
	const secText = Number.isInteger(sec) ? String(sec).padStart(2, '0') : sec.toFixed(2).padStart(5, '0');
	return `${sign}${h}:${String(m).padStart(2, '0')}:${secText}`;
}

/** Whether a value is declared user-missing for the variable (discrete codes or the range). */
export function isUserMissing(v: Variable, value: CellValue): boolean {
	if (value === null) return false;
	if (v.missing.values.some((m) => String(m) === String(value))) return true;
	if (!v.missing.range || typeof value !== 'number') return false;
	const [lo, hi] = v.missing.range;
	return (lo === null || value >= lo) && (hi === null || value <= hi);
}

/** The text a cell shows: a value label when asked for and defined, otherwise the value. */
export function formatCell(v: Variable, value: CellValue, labels: boolean): string {
	if (value === null) return '';
	if (labels) {
		const label = v.valueLabels[String(value)];
		if (label !== undefined) return label;
	}
	if (v.type === 'time' && typeof value === 'number') return formatSeconds(value);
	if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
	return String(value);
}
