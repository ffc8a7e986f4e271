import type { Dictionary } from '../../dataset/dictionary';
import { withFlags } from '../../io/export/flags';
import type { ExportSource, RespondentFlags } from '../../io/export/types';
import type { SqlDb } from '../sql/db';
import { applyRecipe } from './apply';
import type { ApplyReport, Recipe } from './types';

export interface CleanOptions {
	recipe: Recipe | null;
	idVariable: string;
	/** SHA-256 of the file being cleaned, to tell whether the recipe was made on it. */
	fileSha256?: string | null;
	/** Scores per `__row` for `sieve_score` / `sieve_verdict`; null leaves the flags out. */
	scores: ReadonlyMap<number, RespondentFlags> | null;
}

/**
 * The rows an export writes: the recipe applied to `data`, plus the flag variables. The app's
 * engine worker and `sieve export` both go through here, so both write the same data.
 */
export async function cleanForExport(
	db: SqlDb,
	dictionary: Dictionary,
	opts: CleanOptions
): Promise<{ source: ExportSource; report: ApplyReport }> {
	const recipe = opts.recipe ?? { version: 1, steps: [] };
	const applied = await applyRecipe(db, dictionary, recipe, { idVariable: opts.idVariable });
	const made = recipe.dataset?.sha256;
	const file = opts.recipe
		? !made || !opts.fileSha256
			? 'unknown'
			: made === opts.fileSha256.toLowerCase()
				? 'same'
				: 'different'
		: undefined;
	const cleaned: ExportSource = { db, table: applied.table, dictionary: applied.dictionary };
	const source = opts.scores ? await withFlags(cleaned, { scores: opts.scores, kept: applied.kept }) : cleaned;
	return { source, report: file ? { ...applied.report, file } : applied.report };
}
