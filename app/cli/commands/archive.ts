import { access, rename, writeFile } from 'node:fs/promises';
import { parseArgs } from '../args';
import { joinArchives, splitArchive } from '../../lib/audit/archive';
import { stringifyAudit } from '../../lib/audit/export';
import { readAudit } from '../../lib/audit/node-file';
import { verifyAudit } from '../../lib/audit/verify-audit';

const USAGE = 'usage: sieve archive AUDIT.json --before YYYY-MM-DD[THH:MM:SSZ] --out ARCHIVE.json';

/**
 * `sieve archive`: moves the events older than `--before` out of AUDIT.json into a new archive file
 * that verifies by itself; `sieve verify ARCHIVE.json AUDIT.json` verifies the chains across both.
 * Refuses a broken trail and an existing archive file; each file is replaced by rename.
 */
export default async function archive(args: string[]): Promise<number> {
	const { positional, options } = parseArgs(args);
	const [file] = positional;
	if (!file || positional.length > 1 || typeof options.before !== 'string' || typeof options.out !== 'string') {
		process.stderr.write(`${USAGE}\n`);
		return 2;
	}
	const out = options.out;
	try {
		const audit = await readAudit(file);
		if (!audit) throw new Error(`${file}: no such file`);
		const verdict = await verifyAudit(audit, [], { archived: true });
		if (!verdict.ok)
			throw new Error(
				`${file}: refusing to archive a broken audit trail (device ${verdict.device ?? '?'}, seq ${verdict.seq}: ${verdict.reason})`
			);
		if (await exists(out)) throw new Error(`${out}: already exists; archives are never overwritten`);
		const { archive: moved, rest } = splitArchive(audit, options.before);
		const count = moved.chains.reduce((n, c) => n + c.events.length, 0);
		if (count === 0) {
			process.stdout.write(`${file}: no events before ${moved.archived.before}; nothing archived\n`);
			return 0;
		}
		if (!(await verifyAudit(joinArchives([moved, rest]), [], { archived: true })).ok)
			throw new Error('the archive and the kept log do not join up (not written)');
		await replace(out, stringifyAudit(moved));
		await replace(file, stringifyAudit(rest));
		const kept = rest.chains.reduce((n, c) => n + c.events.length, 0);
		process.stdout.write(
			`${out}: ${count} events before ${moved.archived.before} from ${moved.chains.length} chains; ${file} keeps ${kept}\n`
		);
		return 0;
	} catch (e) {
		process.stderr.write(`sieve archive: ${(e as Error).message}\n`);
		return 2;
	}
}

async function exists(path: string): Promise<boolean> {
	return access(path).then(
		() => true,
		() => false
	);
}

async function replace(path: string, text: string): Promise<void> {
	const tmp = `${path}.${process.pid}.tmp`;
	await writeFile(tmp, text);
	await rename(tmp, path);
}
