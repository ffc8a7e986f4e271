import { resolveParams, paradataOf } from '../checks/context';
import { STANDARD_CHECKS, type CheckRun } from '../checks/registry';
import { sectionsOf } from '../checks/sections';
import type { Severity } from '../checks/types';
import type { Dataset } from '../dataset/dataset';
import type { Recipe } from '../recipe/types';
import type { RunSummary } from '../results/types';
import { whatIf, type RespondentScore } from '../scoring';
import type { SqlDb } from '../sql/db';
import { cleaningSummary } from './cleaning';
import { gradeOf } from './grade';
import { methodsOf } from './methods';
import { modelScores } from './models';
import type { CheckLine, Report, ReportMeta } from './types';
import { sectionCompleteness, variableQuality } from './variable-quality';

export interface ReportInput {
	runs: CheckRun[];
	scores: Map<number, RespondentScore>;
	summary: RunSummary;
	recipe: Recipe | null;
	meta: ReportMeta;
}

/** Numeric answers whose means the what-if compares: age, then the first two items of each grid. */
function keyVariables(ds: Dataset): string[] {
	const names = [ds.roles.demographics.age, ...ds.roles.grids.flatMap((g) => g.items.slice(0, 2))].filter((n): n is string => !!n);
	return [...new Set(names)].filter((n) => ds.variable(n).type === 'numeric').slice(0, 8);
}

function respondentsBySeverity(runs: readonly CheckRun[]): Record<Severity, number> {
	const sets: Record<Severity, Set<number>> = { info: new Set(), warning: new Set(), error: new Set() };
	for (const r of runs) if (!r.skipped && !r.error) for (const f of r.findings) if (f.row !== undefined) sets[f.severity].add(f.row);
	return { info: sets.info.size, warning: sets.warning.size, error: sets.error.size };
}

function checkLines(ds: Dataset, summary: RunSummary): CheckLine[] {
	return summary.outcomes.map((o) => {
		const check = STANDARD_CHECKS.find((c) => c.id === o.id);
		return {
			id: o.id,
			title: o.title,
			version: o.version,
			flagged: o.flagged,
			findings: o.findings,
			respondents: o.respondents ?? { info: 0, warning: 0, error: 0 },
			params: check ? resolveParams(check, ds.config) : { ...ds.config.checks?.[o.id] },
			ms: o.ms,
			skipped: o.skipped,
			error: o.error
		};
	});
}

/**
 * The data-quality report of one check run (SPEC §5b): scorecard, per-variable and per-section
 * quality, model scores, what-if means, the cleaning the recipe does and the methods appendix.
 * @example const report = await buildReport(db, ds, { ...analysis, recipe, meta });
 */
export async function buildReport(db: SqlDb, ds: Dataset, input: ReportInput): Promise<Report> {
	const { runs, scores, summary } = input;
	const paradata = paradataOf(ds.roles);
	const substantive = ds.dictionary.variables.map((v) => v.name).filter((n) => !paradata.has(n));
	const { review, remove } = summary.thresholds;
	return {
		meta: input.meta,
		rows: summary.rows,
		variables: ds.raw.variables.length,
		grade: gradeOf(summary.verdicts),
		verdicts: summary.verdicts,
		checks: checkLines(ds, summary),
		severities: respondentsBySeverity(runs),
		variableQuality: await variableQuality(db, ds, substantive, runs),
		sections: await sectionCompleteness(db, ds, sectionsOf({ config: ds.config, roles: ds.roles, substantive })),
		models: modelScores(runs),
		whatIf: await whatIf(db, ds.dictionary, scores, [remove, review], keyVariables(ds)),
		scores: summary.scores,
		durations: summary.durations,
		cleaning: input.recipe ? cleaningSummary(input.recipe) : null,
		methods: methodsOf(ds, summary.thresholds)
	};
}
