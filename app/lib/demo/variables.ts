import type { Measure, Role, Variable, VarType } from '../dataset/dictionary';

interface VarOptions {
	label: string;
	measure?: Measure;
	role?: Role | null;
	valueLabels?: Record<string, string>;
	missing?: number[];
	format?: string;
}

/** A numeric variable; `format` defaults to whole numbers (F8.0). */
export function numeric(name: string, o: VarOptions): Variable {
	return variable(name, 'numeric', 8, o.format ?? 'F8.0', o);
}

export function text(name: string, width: number, o: VarOptions): Variable {
	return variable(name, 'string', width, `A${width}`, { measure: 'nominal', ...o });
}

export function datetime(name: string, o: VarOptions): Variable {
	return variable(name, 'datetime', 8, 'DATETIME20', { measure: 'scale', ...o });
}

function variable(name: string, type: VarType, width: number, format: string, o: VarOptions): Variable {
	return {
		name,
		label: o.label,
		type,
		width,
		format,
		measure: o.measure ?? 'scale',
		valueLabels: o.valueLabels ?? {},
		missing: { values: o.missing ?? [], range: null },
		role: o.role ?? null
	};
}

/** Value labels for a 1..n scale from its labels in order, plus extra codes (98 "Don't know"). */
export function scaleLabels(labels: readonly string[], extra: Record<string, string> = {}): Record<string, string> {
	const out: Record<string, string> = {};
	labels.forEach((l, i) => (out[String(i + 1)] = l));
	return { ...out, ...extra };
}
