/**
 * `npm run gen -- --rows N --out FILE.(parquet|csv|sav|zsav) [--seed S] [--cols C] [--rate R] [--slice ROWS] [--open-ends prose]`:
 * writes a demo survey with planted problems, and FILE.truth.json listing them. `--open-ends prose` writes
 * mostly unique, multilingual open ends (for benchmarks) instead of the demo's stock phrases.
 */
import { open } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import { generateDemo, PLANTED_KINDS, type Demo, type DemoOptions, type PlantRates } from '../lib/demo/index';
import type { ColumnBatch } from '../lib/io/batch';
import { batchToCsv, csvHeader } from '../lib/demo/to-csv';
import { batchToIPC } from '../lib/io/arrow-ipc';
import { loadParquetNode } from '../lib/io/parquet-node';
import { writeSav } from '../lib/io/spss/write/index';
import { fileSink } from '../lib/io/spss/write/node-sink';
import { parseArgs } from './args';

/** Called after each slice with the rows written so far. */
export type Progress = (rows: number) => void;

const USAGE =
	'usage: npm run gen -- --rows N --out FILE.(parquet|csv|sav|zsav) [--seed S] [--cols C] [--rate R] [--slice ROWS] [--open-ends phrases|prose]';

export async function writeCsv(demo: Demo, file: string, progress: Progress = () => {}): Promise<void> {
	const handle = await open(file, 'w');
	try {
		await handle.write(csvHeader(demo.dictionary));
		let done = 0;
		for (const batch of demo.batches()) {
			await handle.write(batchToCsv(demo.dictionary, batch));
			progress((done += batch.length));
		}
	} finally {
		await handle.close();
	}
}

/** Streamed: slices go in one at a time and each row group of `rowGroupRows` is written out as it fills. */
export async function writeParquet(demo: Demo, file: string, progress: Progress = () => {}, rowGroupRows = 50_000): Promise<void> {
	const pq = await loadParquetNode();
	const names = demo.dictionary.variables.map((v) => v.name);
	const batches = demo.batches()[Symbol.iterator]();
	let done = 0;
	const input = new ReadableStream({
		pull(controller) {
			const next = batches.next();
			if (next.done) return controller.close();
			// batchToIPC adds the engine's __row column, which does not belong in a data file.
			const ipc = tableToIPC(tableFromIPC(batchToIPC(demo.dictionary, next.value, done + 1)).select(names), 'stream');
			const table = pq.Table.fromIPCStream(ipc);
			for (const b of table.recordBatches()) controller.enqueue(b);
			table.free();
			done += next.value.length;
		}
	});
	const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.SNAPPY).setMaxRowGroupSize(rowGroupRows).build();
	const output: ReadableStream<Uint8Array> = await pq.transformParquetStream(input, props);
	const handle = await open(file, 'w');
	try {
		let reported = 0;
		for await (const chunk of output) {
			await handle.write(chunk);
			if (done !== reported) progress((reported = done));
		}
	} finally {
		await handle.close();
	}
}

function* counted(demo: Demo, progress: Progress): Generator<ColumnBatch> {
	let done = 0;
	for (const batch of demo.batches()) {
		yield batch;
		progress((done += batch.length));
	}
}

/** SPSS system file; strings lose trailing blanks there ("germany " is read back as "germany"). */
export async function writeSpss(demo: Demo, file: string, progress: Progress = () => {}): Promise<void> {
	const sink = await fileSink(file);
	try {
		const compression = file.toLowerCase().endsWith('.zsav') ? 'zlib' : 'bytecode';
		await writeSav(demo.dictionary, counted(demo, progress), { compression, rowCount: demo.rows }, sink);
	} finally {
		await sink.close();
	}
}

export async function writeTruth(demo: Demo, file: string, opts: DemoOptions): Promise<void> {
	const head = { seed: opts.seed, rows: demo.rows, cols: demo.dictionary.variables.length, counts: demo.counts, config: demo.config };
	const problems = demo.truth.map((p) => JSON.stringify(p)).join(',\n');
	const handle = await open(file, 'w');
	try {
		await handle.write(`${JSON.stringify(head, null, 1).slice(0, -2)},\n"problems": [\n${problems}\n]}\n`);
	} finally {
		await handle.close();
	}
}

type Writer = (demo: Demo, file: string, progress: Progress, sliceRows: number) => Promise<void>;

const WRITERS: Record<string, Writer> = {
	csv: writeCsv,
	parquet: writeParquet,
	sav: writeSpss,
	zsav: writeSpss
};

function whole(value: string | true | undefined, name: string, fallback: number): number {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (value === true || !Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, got ${String(value)}`);
	return n;
}

function allRates(value: string | true): PlantRates {
	const rate = Number(value);
	if (value === true || !(rate >= 0 && rate <= 1)) throw new Error(`--rate needs a share between 0 and 1, got ${String(value)}`);
	return Object.fromEntries(PLANTED_KINDS.map((k) => [k, rate])) as PlantRates;
}

function openEndStyle(value: string | true | undefined): DemoOptions['openEnds'] {
	if (value === undefined || value === 'phrases' || value === 'prose') return value;
	throw new Error(`--open-ends needs phrases or prose, got ${String(value)}`);
}

export async function main(args: string[]): Promise<number> {
	const { options } = parseArgs(args);
	const out = options.out;
	if (typeof out !== 'string') {
		process.stderr.write(`${USAGE}\n`);
		return 2;
	}
	const ext = out.slice(out.lastIndexOf('.') + 1).toLowerCase();
	const write = WRITERS[ext];
	if (!write)
		throw new Error(
			`${out}: cannot write .${ext}; use ${Object.keys(WRITERS)
				.map((e) => `.${e}`)
				.join(' or ')}`
		);
	const opts: DemoOptions = {
		rows: whole(options.rows, 'rows', 2000),
		seed: whole(options.seed, 'seed', 7),
		cols: whole(options.cols, 'cols', 40),
		sliceRows: whole(options.slice, 'slice', 50_000),
		rates: options.rate === undefined ? undefined : allRates(options.rate),
		openEnds: openEndStyle(options['open-ends'])
	};
	const t0 = performance.now();
	const demo = generateDemo(opts);
	const seconds = () => ((performance.now() - t0) / 1000).toFixed(1);
	await writeTruth(demo, `${out}.truth.json`, opts);
	process.stderr.write(`gen: ${demo.truth.length} planted problems → ${out}.truth.json (${seconds()} s)\n`);
	await write(
		demo,
		out,
		(rows) => {
			process.stderr.write(`gen: ${rows}/${demo.rows} rows (${Math.round((100 * rows) / demo.rows)} %, ${seconds()} s)\n`);
		},
		opts.sliceRows!
	);
	process.stderr.write(`gen: wrote ${out}: ${demo.rows} rows × ${demo.dictionary.variables.length} columns in ${seconds()} s\n`);
	return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		process.exitCode = await main(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`gen: ${e instanceof Error ? e.message : String(e)}\n`);
		process.exitCode = 1;
	}
}
