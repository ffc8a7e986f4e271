import type { CheckContext, Finding, Level, Severity } from './types';

/** A finding about one respondent (or one of their answers when `variable` is given). */
export function about(
	ctx: CheckContext,
	check: string,
	row: number,
	f: { severity: Severity; score: number; message: string; evidence?: Record<string, unknown>; variable?: string; level?: Level }
): Finding {
	return {
		check,
		level: f.level ?? (f.variable ? 'cell' : 'respondent'),
		respondent: ctx.respondent(row),
		row,
		variable: f.variable,
		severity: f.severity,
		score: clamp01(f.score),
		message: f.message,
		evidence: f.evidence ?? {}
	};
}

export function aboutVariable(
	check: string,
	variable: string | undefined,
	f: { severity: Severity; score: number; message: string; evidence?: Record<string, unknown> }
): Finding {
	return {
		check,
		level: variable ? 'variable' : 'dataset',
		variable,
		severity: f.severity,
		score: clamp01(f.score),
		message: f.message,
		evidence: f.evidence ?? {}
	};
}

export const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export const num = (v: unknown, d = 0): number => (typeof v === 'number' ? v : d);

/** Rounds for messages: 94, 0.21, 447. */
export function fmt(x: number, digits = 2): string {
	if (!Number.isFinite(x)) return String(x);
	if (Math.abs(x) >= 100) return String(Math.round(x));
	return String(Number(x.toPrecision(digits + (Math.abs(x) >= 10 ? 1 : 0))));
}

export const pct = (x: number): string => `${Math.round(x * 100)} %`;
