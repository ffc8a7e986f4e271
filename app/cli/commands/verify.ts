import { parseArgs } from '../args';
import { readAudit, readJson } from '../read-audit';
import type { Checkpoint } from '../../lib/audit/events';
import { verifyAudit } from '../../lib/audit/verify-audit';

const USAGE = 'usage: sieve verify AUDIT.json [--checkpoint CHECKPOINTS.json]';

/** `sieve verify AUDIT.json`: exit 0 only if every chain is intact, 1 naming the first broken event, 2 if unreadable. */
export default async function verify(args: string[]): Promise<number> {
	const { positional, options } = parseArgs(args);
	const file = positional[0];
	if (!file || positional.length > 1) {
		process.stderr.write(`${USAGE}\n`);
		return 2;
	}
	let audit;
	let checkpoints: Checkpoint[] = [];
	try {
		audit = await readAudit(file);
		if (typeof options.checkpoint === 'string') checkpoints = asCheckpoints(await readJson(options.checkpoint), options.checkpoint);
	} catch (e) {
		process.stderr.write(`sieve verify: ${(e as Error).message}\n`);
		return 2;
	}
	const verdict = await verifyAudit(audit, checkpoints);
	if (!verdict.ok) {
		process.stdout.write(
			`${file}: BROKEN at device ${verdict.device ?? `(chain ${verdict.chain})`}, seq ${verdict.seq}: ${verdict.reason} - ${verdict.detail}\n`
		);
		return 1;
	}
	const total = verdict.chains.reduce((n, c) => n + c.events, 0);
	const lines = [`${file}: intact - ${verdict.chains.length} chain${verdict.chains.length === 1 ? '' : 's'}, ${total} events`];
	for (const c of verdict.chains) lines.push(`  ${c.device}  head seq ${c.head.seq}  ${c.head.hash}`);
	process.stdout.write(`${lines.join('\n')}\n`);
	return 0;
}

function asCheckpoints(value: unknown, file: string): Checkpoint[] {
	const list = Array.isArray(value) ? value : [value];
	for (const cp of list) {
		const ok =
			typeof cp === 'object' &&
			cp !== null &&
			typeof cp.device === 'string' &&
			Number.isSafeInteger(cp.seq) &&
			cp.seq >= 0 &&
			/^[0-9a-f]{64}$/.test(cp.hash);
		if (!ok) throw new Error(`${file}: not a checkpoint list ([{device, seq, hash}])`);
	}
	return list as Checkpoint[];
}
