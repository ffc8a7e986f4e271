import { parseArgs } from '../args';
import { readAudit, readJson } from '../read-audit';
import type { Checkpoint } from '../../lib/audit/events';
import { joinArchives } from '../../lib/audit/archive';
import { verifyAudit, type AuditBreak } from '../../lib/audit/verify-audit';
import { asAuditExport, type AuditExport } from '../../lib/audit/audit-export';

const USAGE = 'usage: sieve verify [ARCHIVE.json ...] AUDIT.json [--checkpoint CHECKPOINTS.json]';

/**
 * `sieve verify AUDIT.json`: exit 0 only if every chain is intact, 1 naming the first broken event, 2 if
 * unreadable. Archives written by `sieve archive` go first, oldest first: the chains are verified across them.
 */
export default async function verify(args: string[]): Promise<number> {
	const { positional, options } = parseArgs(args);
	const file = positional.at(-1);
	if (!file) {
		process.stderr.write(`${USAGE}\n`);
		return 2;
	}
	let audit;
	let checkpoints: Checkpoint[] = [];
	try {
		const parts = [];
		for (const part of positional) parts.push(await readAudit(part));
		audit = parts.length === 1 ? parts[0] : asAudit(joinArchives(parts), positional.join(' + '));
		if (typeof options.checkpoint === 'string') checkpoints = asCheckpoints(await readJson(options.checkpoint), options.checkpoint);
	} catch (e) {
		process.stderr.write(`sieve verify: ${(e as Error).message}\n`);
		return 2;
	}
	const verdict = await verifyAudit(audit, checkpoints);
	if (!verdict.ok) {
		process.stdout.write(
			`${file}: BROKEN at device ${verdict.device ?? `(chain ${verdict.chain})`}, seq ${verdict.seq}: ${verdict.reason} - ${verdict.detail}${archivedHint(audit, verdict)}\n`
		);
		return 1;
	}
	const total = verdict.chains.reduce((n, c) => n + c.events, 0);
	const lines = [`${file}: intact - ${verdict.chains.length} chain${verdict.chains.length === 1 ? '' : 's'}, ${total} events`];
	for (const c of verdict.chains) lines.push(`  ${c.device}  head seq ${c.head.seq}  ${c.head.hash}`);
	process.stdout.write(`${lines.join('\n')}\n`);
	return 0;
}

/** A chain that starts after seq 0 was most likely cut by `sieve archive`: say how to verify it. */
function archivedHint(audit: AuditExport, verdict: AuditBreak): string {
	const first = audit.chains[verdict.chain]?.events[0];
	return verdict.index === 0 && first && first.seq > 0
		? ` (its events before seq ${first.seq} may be in an archive: sieve verify ARCHIVE.json AUDIT.json)`
		: '';
}

function asAudit(value: unknown, file: string) {
	try {
		return asAuditExport(value);
	} catch (e) {
		throw new Error(`${file}: ${(e as Error).message}`);
	}
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
