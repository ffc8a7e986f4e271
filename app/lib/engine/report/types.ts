import type { Severity } from '../checks/types';
import type { ParamValue } from '../checks/types';
import type { HistogramBin } from '../results/types';
import type { Verdict, WhatIfRow } from '../scoring';
import type { RecipeStep } from '../recipe/types';

/** Who and what the report is about: shown in its header. */
export interface ReportMeta {
	project: string;
	file: string;
	sha256: string | null;
	/** ISO-8601. */
	generatedAt: string;
	sieveVersion: string;
	author: string;
}

export interface Grade {
	/** 0–100: see README "Data-quality grade". */
	index: number;
	letter: 'A' | 'B' | 'C' | 'D' | 'F';
}

export interface CheckLine {
	id: string;
	title: string;
	version: number;
	/** Respondents with a warning or error of this check. */
	flagged: number;
	findings: number;
	/** Respondents with at least one finding of each severity. */
	respondents: Record<Severity, number>;
	params: Record<string, ParamValue>;
	ms: number;
	skipped: string | null;
	error: string | null;
}

export interface VariableQuality {
	name: string;
	label: string | null;
	type: string;
	missing: number;
	/** Respondents flagged by `range` for this variable. */
	outOfRange: number;
	/** Respondents flagged by `formats` or `types` for this variable. */
	invalid: number;
	/** Open ends: answers flagged by `text-quality`; null for closed questions. */
	poorText: number | null;
}

export interface SectionCompleteness {
	name: string;
	variables: number;
	/** Share of the section's cells answered, 0..1. */
	answered: number;
}

/** A model score's distribution (bot, anomaly), read from that check's findings. */
export interface ModelScores {
	check: string;
	flagged: number;
	bins: HistogramBin[];
}

export interface CleaningSummary {
	/** Respondents excluded, by the decision's reason ("no reason given" when absent). */
	removedByReason: { reason: string; count: number }[];
	/** Cells set missing or edited per variable. */
	changedByVariable: { variable: string; setMissing: number; edited: number }[];
	recodes: { variable: string; from: string; to: string; reason: string }[];
	/** Steps per author ("unknown" when the step names none). */
	byAuthor: { author: string; steps: number }[];
	steps: RecipeStep[];
}

export interface Methods {
	idVariable: string;
	roles: { role: string; variables: string[] }[];
	/** Score weight per check, and the verdict thresholds. */
	weights: Record<string, number>;
	thresholds: { review: number; remove: number };
	carelessIndices: { name: string; definition: string }[];
}

/** A wave of the same survey (a project sharing the recipe), for the side-by-side comparison. */
export interface WaveSummary {
	name: string;
	rows: number;
	grade: Grade;
	verdicts: Record<Verdict, number>;
	/** Respondents flagged per check id (checks that ran). */
	flagged: Record<string, number>;
	/** How the shared recipe replayed on this wave; null without a recipe. */
	replay: { applied: number; skipped: number } | null;
}

/** Everything a data-quality report shows (SPEC §5b); the HTML and PDF render this one object. */
export interface Report {
	meta: ReportMeta;
	rows: number;
	variables: number;
	grade: Grade;
	verdicts: Record<Verdict, number>;
	checks: CheckLine[];
	/** Respondents with at least one finding of each severity, over all checks. */
	severities: Record<Severity, number>;
	variableQuality: VariableQuality[];
	sections: SectionCompleteness[];
	models: ModelScores[];
	/** Key means over everyone and without respondents below the review / remove thresholds. */
	whatIf: WhatIfRow[];
	scores: HistogramBin[];
	durations: { bins: HistogramBin[]; median: number; cutoff: number } | null;
	cleaning: CleaningSummary | null;
	methods: Methods;
	/** Waves compared side by side, this file first; absent for a single file. */
	waves?: WaveSummary[];
}
