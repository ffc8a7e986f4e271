import { openAsBlob } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { openDataset } from '../../lib/engine/dataset/dataset';
import { buildReport, waveSummary } from '../../lib/engine/report';
import { replayOn, waveOf } from '../waves';
import { runAnalysis } from '../../lib/engine/results/run-analysis';
import { blobSha256 } from '../../lib/io/sha256';
import { reportHtml } from '../../lib/report/html';
import { REPORT_FONT_FILES } from '../../lib/report/pdf/fonts';
import { reportPdf } from '../../lib/report/pdf/report-pdf';
import { findingsBlob, type FindingsFormat } from '../../lib/report/findings';
import { allFindings } from '../../lib/engine/results/all-findings';
import { SIEVE_VERSION } from '../../lib/report/version';
import { parseArgs } from '../args';
import { InputError, readConfig, readRecipe } from '../inputs';
import { loadFile } from '../load';

const USAGE =
	'usage: sieve report FILE [--config CONFIG.json] [--recipe RECIPE.json] [--project NAME] [--author NAME] [--findings FINDINGS.(csv|json|xlsx)] [--waves W2,W3] --out REPORT.(html|pdf)\n';

/**
 * `sieve report`: runs every applicable check as `sieve check` does and writes the data-quality
 * report (SPEC §5b, §7). Exit 2 for bad arguments or a CONFIG / recipe that does not fit, 1 when
 * the file cannot be read or a check failed (the report is written either way, naming the failure).
 */
export default async function report(args: string[]): Promise<number> {
	const { positional, options } = parseArgs(args);
	const file = positional[0];
	const out = typeof options.out === 'string' ? options.out : null;
	if (!file || !out || positional.length > 1) {
		process.stderr.write(USAGE);
		return 2;
	}
	const format = path.extname(out).toLowerCase().slice(1);
	if (format !== 'html' && format !== 'pdf') return fail(`${out}: unknown report format (use .html or .pdf)`, 2);
	const findingsOut = typeof options.findings === 'string' ? options.findings : null;
	const findingsFormat = findingsOut && path.extname(findingsOut).toLowerCase().slice(1);
	if (findingsOut && findingsFormat !== 'csv' && findingsFormat !== 'json' && findingsFormat !== 'xlsx')
		return fail(`${findingsOut}: unknown findings format (use .csv, .json or .xlsx)`, 2);
	let config, recipe;
	try {
		[config, recipe] = await Promise.all([readConfig(options.config), readRecipe(options.recipe)]);
	} catch (e) {
		if (e instanceof InputError) return fail(e.message, 2);
		throw e;
	}
	let loaded;
	try {
		loaded = await loadFile(file, { respondentId: true });
	} catch (e) {
		return fail(e instanceof Error ? e.message : String(e), 1);
	}
	const { db, result } = loaded;
	const temp = `${out}.${process.pid}.part`;
	try {
		const ds = await openDataset(db, result.dictionary, config);
		if (ds.problems.length) {
			for (const p of ds.problems) process.stderr.write(`${options.config}: ${p}\n`);
			return fail(`${options.config} does not fit ${file}; nothing written`, 2);
		}
		const t0 = performance.now();
		const analysis = await runAnalysis(db, ds, {
			onProgress: (p) => p.state === 'done' && process.stderr.write(`[${p.index + 1}/${p.total}] ${p.id} ${p.ms} ms\n`)
		});
		const built = await buildReport(db, ds, {
			...analysis,
			recipe,
			meta: {
				project: typeof options.project === 'string' ? options.project : path.basename(file, path.extname(file)),
				file: path.basename(file),
				sha256: await blobSha256(await openAsBlob(file)),
				generatedAt: new Date().toISOString(),
				sieveVersion: SIEVE_VERSION,
				author: typeof options.author === 'string' ? options.author : userInfo().username
			}
		});
		if (typeof options.waves === 'string') {
			built.waves = [waveSummary(path.basename(file), built, await replayOn(db, ds, recipe))];
			for (const wave of options.waves.split(',').filter(Boolean)) {
				process.stderr.write(`wave ${wave}\n`);
				built.waves.push(await waveOf(wave, config, recipe, built.meta));
			}
		}
		const bytes = format === 'pdf' ? reportPdf(built, await reportFonts()) : new TextEncoder().encode(reportHtml(built));
		await writeFile(temp, bytes);
		await rename(temp, out);
		process.stderr.write(
			`${out}: ${bytes.length.toLocaleString('en-US')} bytes, ${built.rows} respondents (${Math.round(performance.now() - t0)} ms)\n`
		);
		if (findingsOut) {
			const blob = await findingsBlob(await allFindings(db, ds.idVariable), findingsFormat as FindingsFormat);
			await writeFile(findingsOut, new Uint8Array(await blob.arrayBuffer()));
			process.stderr.write(`${findingsOut}: ${blob.size.toLocaleString('en-US')} bytes\n`);
		}
		return analysis.runs.some((r) => r.error) ? 1 : 0;
	} catch (e) {
		await rm(temp, { force: true });
		return fail(e instanceof Error ? e.message : String(e), 1);
	} finally {
		await db.close();
	}
}

async function reportFonts(): Promise<Uint8Array[]> {
	const dir = new URL('../../../static/fonts/', import.meta.url);
	return Promise.all(REPORT_FONT_FILES.map(async (f) => new Uint8Array(await readFile(new URL(f, dir)))));
}

function fail(line: string, code: number): number {
	process.stderr.write(`sieve report: ${line}\n`);
	return code;
}
