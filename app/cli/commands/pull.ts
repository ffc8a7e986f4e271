import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
	connectorFor,
	DEFAULT_RETRY,
	startPull,
	syncLine,
	type Credentials,
	type Field,
	type RunDeps
} from '../../../server/connectors/index';
import { withFieldLabels } from '../../lib/dataset/field-labels';
import { DATA_TABLE } from '../../lib/engine/import/finish';
import { formatOf } from '../../lib/io/export';
import { parseArgs } from '../args';
import { loadFile } from '../load';
import { writeExport } from '../write-export';

const USAGE =
	'usage: sieve pull kobo|odk|qualtrics|redcap --url BASE --form ID [--token T | --user U --password P] [--since ISO] [--page-size N] --out FILE.(csv|parquet|sav)\n';

/**
 * `sieve pull`: the relay's connectors run here without the relay (SPEC §7). The submissions
 * go to a temporary CSV, are read back by the same import as any file, take the platform's
 * question text as variable labels, and leave through the same exporters as `sieve export`.
 * The sync log entry goes to stderr. `SIEVE_PULL_TOKEN` / `SIEVE_PULL_PASSWORD` keep secrets out of the process list.
 */
export default async function pullCommand(args: string[]): Promise<number> {
	const { positional, options } = parseArgs(args);
	const [kind] = positional;
	const str = (k: string) => (typeof options[k] === 'string' ? (options[k] as string) : undefined);
	const url = str('url');
	const form = str('form');
	const out = str('out');
	if (!kind || !url || form === undefined || !out || positional.length > 1) {
		process.stderr.write(USAGE);
		return 2;
	}
	const connector = connectorFor(kind);
	if (!connector) return fail(`unknown platform ${kind} (use kobo, odk, qualtrics or redcap)`, 2);
	const format = formatOf(out);
	if (!format) return fail(`${out}: unknown output format (use .csv, .parquet or .sav)`, 2);
	const pageSize = Number(str('page-size') ?? 1000);
	if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 30000) return fail('--page-size must be a whole number from 1 to 30000', 2);
	const credentials: Credentials = {
		token: str('token') ?? process.env.SIEVE_PULL_TOKEN,
		user: str('user'),
		password: str('password') ?? process.env.SIEVE_PULL_PASSWORD
	};

	let fetched = 0;
	const deps: RunDeps = {
		fetch,
		sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
		random: Math.random,
		now: Date.now,
		retry: DEFAULT_RETRY,
		timeoutMs: 120_000,
		pageSize,
		room: null,
		log: (entry) => {
			fetched = entry.fetched;
			process.stderr.write(`${syncLine(entry)}\n`);
		},
		onRetry: (attempt, ms, error) =>
			process.stderr.write(`retry ${attempt} in ${(ms / 1000).toFixed(1)} s: ${error instanceof Error ? error.message : String(error)}\n`)
	};
	const dir = await mkdtemp(path.join(tmpdir(), 'sieve-pull-'));
	try {
		const csv = path.join(dir, `${kind}.csv`);
		let fields: Field[];
		try {
			const pull = await startPull(connector, { baseUrl: url, credentials, form, since: str('since') }, deps);
			fields = pull.info.fields;
			const handle = await open(csv, 'w');
			try {
				for await (const chunk of pull.chunks) await handle.write(chunk);
			} finally {
				await handle.close();
			}
		} catch (e) {
			return fail(`${kind} ${form}: ${message(e)}; nothing written`, 1);
		}
		if (fetched === 0) {
			// an incremental pull with nothing new is not a failure; an empty file would only confuse what reads it next
			process.stderr.write(`sieve pull: no submissions${options.since ? ` after ${options.since}` : ''}; ${out} not written\n`);
			return 0;
		}
		const { db, result } = await loadFile(csv);
		try {
			const dictionary = withFieldLabels(result.dictionary, new Map(fields.flatMap((f) => (f.label ? [[f.name, f.label]] : []))));
			const { rows, bytes } = await writeExport({ db, table: DATA_TABLE, dictionary }, format, out);
			const labelled = dictionary.variables.filter((v) => v.label).length;
			process.stderr.write(
				`${out}: ${rows || 'no'} submissions, ${dictionary.variables.length} variables (${labelled} labelled), ${bytes.toLocaleString()} bytes\n`
			);
			return 0;
		} finally {
			await db.close();
		}
	} catch (e) {
		return fail(message(e), 1);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

function fail(line: string, code: number): number {
	process.stderr.write(`sieve pull: ${line}\n`);
	return code;
}

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
