import { openAsBlob } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { recipeSyntax } from '../../lib/report/sps';
import type { SieveConfig } from '../../lib/engine/checks/config';
import { parseConfig } from '../../lib/engine/checks/parse-config';
import { openDataset } from '../../lib/engine/dataset/dataset';
import { cleanForExport, flagScores, parseRecipe, type Recipe } from '../../lib/engine/recipe';
import { formatOf } from '../../lib/io/export';
import { blobSha256 } from '../../lib/io/sha256';
import { parseArgs } from '../args';
import { readEngine } from '../engine';
import { loadFile } from '../load';
import { writeExport } from '../write-export';

const USAGE =
	'usage: sieve export FILE [--recipe RECIPE.json] [--config CONFIG.json] --to OUT.(csv|xlsx|parquet|sav|zsav|sps) [--no-flags] [--bom] [--allow-skipped] [--engine native|wasm]\n';
/** Exit status when recipe steps did not apply and `--allow-skipped` was not given: nothing is written. */
const SKIPPED_EXIT = 3;

/**
 * `sieve export`: writes the cleaned data (SPEC §7) through the same functions as the app. A recipe
 * made on another file (SHA-256 differs or absent) is a note, not an error: steps match by respondent
 * id and variable name. A step that does not apply is an error (exit 3, no file written) unless
 * `--allow-skipped`: a cleaned file silently missing an exclusion is worse than no file.
 */
export default async function exportCommand(args: string[]): Promise<number> {
	const { positional, options } = parseArgs(args, ['no-flags', 'bom', 'allow-skipped']);
	const file = positional[0];
	const out = typeof options.to === 'string' ? options.to : null;
	if (!file || !out || positional.length > 1) {
		process.stderr.write(USAGE);
		return 2;
	}
	const syntax = out.toLowerCase().endsWith('.sps');
	const format = formatOf(out);
	if (!format && !syntax)
		return fail(`${out}: unknown export format (use .csv, .xlsx, .parquet, .sav, .zsav, or .sps for the recipe as SPSS syntax)`, 2);
	let recipe: Recipe | null = null;
	if (options.recipe !== undefined) {
		if (typeof options.recipe !== 'string') return fail('--recipe needs a file name', 2);
		try {
			recipe = parseRecipe(JSON.parse(await readFile(options.recipe, 'utf8')));
		} catch (e) {
			return fail(`${options.recipe}: ${message(e)}`, 2);
		}
	}
	let config: SieveConfig = {};
	if (typeof options.config === 'string') {
		try {
			config = parseConfig(JSON.parse(await readFile(options.config, 'utf8')));
		} catch (e) {
			return fail(`${options.config}: ${message(e)}`, 2);
		}
	}

	const engine = readEngine(options.engine, 'export');
	if (!engine) return 2;
	let loaded;
	try {
		loaded = await loadFile(file, { respondentId: true, engine });
	} catch (e) {
		return fail(message(e), 1);
	}
	const { db, result } = loaded;
	try {
		const sha256 = recipe ? await blobSha256(await openAsBlob(file)) : null;
		const ds = await openDataset(db, result.dictionary, config);
		if (ds.problems.length) {
			for (const p of ds.problems) process.stderr.write(`${options.config}: ${p}\n`);
			return fail(`${options.config} does not fit ${file}; nothing written`, 2);
		}
		if (syntax) {
			if (!recipe) return fail(`${out}: SPSS syntax is written from a recipe; give --recipe`, 2);
			await writeFile(out, recipeSyntax(recipe, ds.raw, { idVariable: ds.idVariable, file: path.basename(file) }));
			process.stderr.write(`${out}: the recipe's ${recipe.steps.length} steps as SPSS syntax\n`);
			return 0;
		}
		const scores = options['no-flags']
			? null
			: await flagScores(db, ds, (p) => process.stderr.write(`[${p.index + 1}/${p.total}] ${p.id}\n`));
		const { source, report } = await cleanForExport(db, ds.raw, { recipe, idVariable: ds.idVariable, scores, fileSha256: sha256 });
		if (report.file === 'different')
			process.stderr.write(
				`note: ${options.recipe} was made on a different file (sha256 ${recipe!.dataset!.sha256.slice(0, 12)}…, ${file} is ${sha256!.slice(0, 12)}…); steps are matched by respondent id (${ds.idVariable}) and variable name\n`
			);
		else if (report.file === 'unknown')
			process.stderr.write(
				`note: ${options.recipe} does not say which file it was made on; steps are matched by respondent id (${ds.idVariable}) and variable name\n`
			);
		for (const s of report.skipped) process.stderr.write(`recipe step ${s.step} (${recipe!.steps[s.step].action}) skipped: ${s.reason}\n`);
		if (report.skipped.length && !options['allow-skipped'])
			return fail(
				`${report.skipped.length} of ${recipe!.steps.length} recipe steps did not apply; nothing written (use --allow-skipped to write the file anyway)`,
				SKIPPED_EXIT
			);
		const { rows, bytes } = await writeExport(source, format!, out, { bom: options.bom === true });
		const steps = recipe ? `; recipe: ${report.applied} steps applied, ${report.skipped.length} skipped` : '';
		process.stderr.write(
			`${out}: ${rows || 'no'} rows, ${source.dictionary.variables.length} variables, ${bytes.toLocaleString()} bytes${steps}\n`
		);
		return 0;
	} catch (e) {
		return fail(message(e), 1);
	} finally {
		await db.close();
	}
}

function fail(line: string, code: number): number {
	process.stderr.write(`sieve export: ${line}\n`);
	return code;
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
