import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appendRunEvents } from '../../lib/audit/node-file';
import type { SieveConfig } from '../../lib/engine/checks/config';
import { parseConfig } from '../../lib/engine/checks/parse-config';
import { createRunState, gridIndices } from '../../lib/engine/checks/context';
import { runChecks } from '../../lib/engine/checks/registry';
import { openDataset, type Dataset } from '../../lib/engine/dataset/dataset';
import { openEndSummary } from '../../lib/engine/results/open-ends';
import { scoreRespondents } from '../../lib/engine/scoring';
import { CARELESS_INDEX_NAMES, type CarelessResult } from '../../lib/engine/careless';
import { parseArgs } from '../args';
import { loadFile } from '../load';

const USAGE =
	'usage: sieve check FILE [--config CONFIG.json] --out RESULT.json [--csv RESPONDENTS.csv] [--only a,b] [--audit AUDIT.json]\n';

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
	const only = typeof options.only === 'string' ? options.only.split(',').map((s) => s.trim()) : undefined;
	let loaded;
	try {
		loaded = await loadFile(file, { respondentId: true });
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
		const t0 = performance.now();
		const runs = await runChecks(db, dictionary, roles, config, {
			only,
			state,
			onProgress: (p) => {
				if (p.state === 'done') process.stderr.write(`[${p.index + 1}/${p.total}] ${p.id} ${p.ms} ms\n`);
			}
		});
		for (const r of runs) {
			if (r.error) process.stderr.write(`check ${r.id} failed: ${r.error}\n`);
			else if (r.skipped) process.stderr.write(`check ${r.id} skipped: ${r.skipped}\n`);
		}
		const ran = runs.filter((r) => !r.skipped && !r.error);
		const scores = scoreRespondents(
			ran.flatMap((r) => r.findings),
			{ weights: config.scoring?.weights, review: config.scoring?.review, remove: config.scoring?.remove }
		);
		const indices: { name: string; rowIndex: Map<number, number>; result: CarelessResult }[] = [];
		for (const g of roles.grids) {
			const gi = await gridIndices(state, g);
			const rowIndex = new Map<number, number>();
			gi.rows.forEach((r, i) => rowIndex.set(r, i));
			indices.push({ name: g.name, rowIndex, result: gi.result });
		}
		const flagsByRow = new Map<number, { check: string; severity: string; message: string }[]>();
		for (const r of ran)
			for (const f of r.findings) {
				if (f.row === undefined || f.severity === 'info') continue;
				let list = flagsByRow.get(f.row);
				if (!list) flagsByRow.set(f.row, (list = []));
				list.push({ check: f.check, severity: f.severity, message: f.message });
			}
		const n = result.rows;
		const respondentOf = (row: number) => (state.ids ? state.ids[row - 1] : row);
		const indicesOf = (row: number) => {
			const o: Record<string, Record<string, number | null>> = {};
			for (const g of indices) {
				const i = g.rowIndex.get(row);
				const vals: Record<string, number | null> = {};
				for (const name of CARELESS_INDEX_NAMES) {
					const v = i === undefined ? NaN : g.result[name].values[i];
					vals[name] = Number.isFinite(v) ? v : null;
				}
				o[g.name] = vals;
			}
			return o;
		};
		const json = createWriteStream(out);
		await write(
			json,
			`{"dataset":${JSON.stringify({ rows: n, variables: dictionary.variables.length, sha256 })},"checks":${JSON.stringify(
				ran.map((r) => ({ id: r.id, title: r.title, flagged: r.flagged, ms: r.ms }))
			)},"respondents":[`
		);
		const csv = typeof options.csv === 'string' ? createWriteStream(options.csv) : null;
		if (csv) {
			const head = [
				'id',
				'score',
				'verdict',
				'flags',
				'checks',
				...indices.flatMap((g) => CARELESS_INDEX_NAMES.map((x) => `${g.name}_${x}`))
			];
			await write(csv, `${head.map(csvCell).join(',')}\n`);
		}
		let buf = '';
		for (let row = 1; row <= n; row++) {
			const s = scores.get(row);
			const flags = flagsByRow.get(row) ?? [];
			const ind = indicesOf(row);
			const rec = { id: respondentOf(row), score: s?.score ?? 100, verdict: s?.verdict ?? 'keep', flags, indices: ind };
			buf += (row > 1 ? ',' : '') + JSON.stringify(rec);
			if (csv) {
				const cells = [
					rec.id,
					rec.score,
					rec.verdict,
					flags.length,
					[...new Set(flags.map((f) => f.check))].join(';'),
					...indices.flatMap((g) => CARELESS_INDEX_NAMES.map((x) => ind[g.name][x]))
				];
				await write(csv, `${cells.map(csvCell).join(',')}\n`);
			}
			if (buf.length > 1 << 20) {
				await write(json, buf);
				buf = '';
			}
		}
		const openEnds = openEndSummary(ran);
		await write(json, `${buf}]${openEnds ? `,"openEnds":${JSON.stringify(openEnds)}` : ''}}\n`);
		await new Promise<void>((res, rej) => json.end((e?: Error | null) => (e ? rej(e) : res())));
		if (csv) await new Promise<void>((res) => csv.end(() => res()));
		const verdicts = { keep: 0, review: 0, remove: 0 };
		for (const s of scores.values()) verdicts[s.verdict]++;
		verdicts.keep = n - verdicts.review - verdicts.remove;
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

function write(stream: WriteStream, text: string): Promise<void> {
	return new Promise((res, rej) => {
		if (stream.write(text)) res();
		else {
			const fail = (e: Error) => rej(e);
			stream.once('error', fail).once('drain', () => {
				stream.off('error', fail);
				res();
			});
		}
	});
}

/** CSV cell, with text starting = + - @ neutralised (SPEC §8). */
function csvCell(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
	let s = String(v);
	if (/^[=+\-@]/.test(s)) s = `'${s}`;
	return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

async function fileSha256(file: string): Promise<string> {
	const h = createHash('sha256');
	for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
	return h.digest('hex');
}
