import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appendRunEvents } from '../../lib/audit/node-file';
import type { SieveConfig } from '../../lib/engine/checks/config';
import { parseConfig } from '../../lib/engine/checks/parse-config';
import { createRunState, gridIndices } from '../../lib/engine/checks/context';
import { runChecks } from '../../lib/engine/checks/registry';
import { openDataset, type Dataset } from '../../lib/engine/dataset/dataset';
import { appendFindings } from '../../lib/engine/results/store-results';
import { openEndSummary } from '../../lib/engine/results/open-ends';
import { openEndThemes, withThemes } from '../../lib/engine/results/themes';
import { isMissing } from '../../lib/engine/dataset/missing';
import { parseArgs } from '../args';
import { readEngine } from '../engine';
import { loadFile } from '../load';
import { gridRowIndex, writeResult, type GridIndexRows } from '../result-writer';

const USAGE =
	'usage: sieve check FILE [--config CONFIG.json] --out RESULT.json [--csv RESPONDENTS.csv] [--only a,b] [--audit AUDIT.json] [--engine native|wasm]\n';

/** `sieve check`: runs every applicable check and writes RESULT (SPEC §7); progress on stderr. */
export default async function check(args: string[]): Promise<number> {
	const { positional, options } = parseArgs(args);
	const file = positional[0];
	const out = typeof options.out === 'string' ? options.out : null;
	if (!file || !out) {
		process.stderr.write(USAGE);
		return 2;
	}
	let config: SieveConfig = {};
	if (typeof options.config === 'string') {
		try {
			config = parseConfig(JSON.parse(await readFile(options.config, 'utf8')));
		} catch (e) {
			process.stderr.write(`${options.config}: ${e instanceof Error ? e.message : String(e)}\n`);
			return 2;
		}
	}
	const engine = readEngine(options.engine, 'check');
	if (!engine) return 2;
	const only = typeof options.only === 'string' ? options.only.split(',').map((s) => s.trim()) : undefined;
	let loaded;
	try {
		loaded = await loadFile(file, { respondentId: true, engine });
	} catch (e) {
		process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
		return 1;
	}
	const { db, result } = loaded;
	try {
		let ds: Dataset;
		try {
			ds = await openDataset(db, result.dictionary, config);
		} catch (e) {
			process.stderr.write(`${options.config ?? file}: ${e instanceof Error ? e.message : String(e)}\n`);
			return 2;
		}
		if (ds.problems.length) {
			for (const p of ds.problems) process.stderr.write(`${options.config}: ${p}\n`);
			return 2;
		}
		const { raw: dictionary, roles } = ds;
		const sha256 = await fileSha256(file);
		const state = await createRunState(db, dictionary, roles, config);
		await appendFindings(db, [], 0, true);
		let stored = 0;
		let openEnds: ReturnType<typeof withThemes> = null;
		const t0 = performance.now();
		const runs = await runChecks(db, dictionary, roles, config, {
			only,
			state,
			onProgress: (p) => {
				if (p.state === 'done') process.stderr.write(`[${p.index + 1}/${p.total}] ${p.id} ${p.ms} ms\n`);
			},
			sink: async (run) => {
				// RESULT's openEnds comes from the language check's findings, which the sink does not keep
				if (run.id === 'language') openEnds = openEndSummary([run]);
				await appendFindings(db, run.findings, stored, false);
				stored += run.findings.length;
			}
		});
		for (const r of runs) {
			if (r.error) process.stderr.write(`check ${r.id} failed: ${r.error}\n`);
			else if (r.skipped) process.stderr.write(`check ${r.id} skipped: ${r.skipped}\n`);
		}
		const ran = runs.filter((r) => !r.skipped && !r.error);
		if (!only && roles.openEnds.length) {
			const t = performance.now();
			const themes = await openEndThemes({ db, isMissing: (name) => isMissing(ds.variable(name)) }, roles.openEnds);
			openEnds = withThemes(openEnds, themes);
			process.stderr.write(`themes of ${roles.openEnds.length} open ends ${Math.round(performance.now() - t)} ms\n`);
		}
		const grids: GridIndexRows[] = [];
		for (const g of roles.grids) {
			const gi = await gridIndices(state, g);
			grids.push({ name: g.name, rowIndex: gridRowIndex(result.rows, gi.rows), result: gi.result });
		}
		const n = result.rows;
		const verdicts = await writeResult(
			{
				db,
				dataset: { rows: n, variables: dictionary.variables.length, sha256 },
				checks: ran,
				respondentOf: (row) => (state.ids ? state.ids[row - 1] : row),
				grids,
				scoring: { weights: config.scoring?.weights, review: config.scoring?.review, remove: config.scoring?.remove },
				openEnds
			},
			out,
			typeof options.csv === 'string' ? options.csv : null
		);
		process.stderr.write(
			`${n} respondents: ${verdicts.keep} keep, ${verdicts.review} review, ${verdicts.remove} remove (${Math.round(performance.now() - t0)} ms)\n`
		);
		if (typeof options.audit === 'string') {
			const { head } = await appendRunEvents(options.audit, [
				{
					type: 'import',
					payload: {
						file: path.basename(file),
						sha256,
						format: result.format,
						rows: n,
						variables: dictionary.variables.length,
						mode: 'new'
					}
				},
				{
					type: 'check-run',
					payload: { dataset: sha256, checks: ran.map((r) => ({ id: r.id, version: r.version, flagged: r.flagged, ms: r.ms })) }
				},
				{ type: 'check-results', payload: { dataset: sha256, respondents: n, ...verdicts } }
			]);
			process.stderr.write(`audit: ${options.audit} now ends at seq ${head.seq} (${head.hash.slice(0, 12)}…)\n`);
		}
		// RESULT is written either way; a check that failed makes the run fail
		return runs.some((r) => r.error) ? 1 : 0;
	} finally {
		await db.close();
	}
}

async function fileSha256(file: string): Promise<string> {
	const h = createHash('sha256');
	for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
	return h.digest('hex');
}
