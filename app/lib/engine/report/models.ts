import type { CheckRun } from '../checks/registry';
import type { ModelScores } from './types';

/** Checks whose findings carry a model's per-respondent score (SPEC §4 machine learning). */
export const MODEL_CHECKS = ['bot', 'anomaly'];

/** Distribution of each model check's scores in ten bins, read generically from its findings. */
export function modelScores(runs: readonly CheckRun[]): ModelScores[] {
	return runs
		.filter((r) => MODEL_CHECKS.includes(r.id) && !r.skipped && !r.error)
		.map((r) => {
			const best = new Map<number, number>();
			for (const f of r.findings) if (f.row !== undefined) best.set(f.row, Math.max(best.get(f.row) ?? 0, f.score));
			const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 0 }));
			for (const s of best.values()) bins[Math.min(9, Math.floor(s * 10))].count++;
			return { check: r.id, flagged: r.flagged, bins };
		});
}
