import { asAuditExport } from '../app/lib/audit/audit-export';
import { appendEvent, createChain } from '../app/lib/audit/chain';
import { buildAuditExport, stringifyAudit } from '../app/lib/audit/export';
import { createMemoryStore } from '../app/lib/audit/memory-store';
import { mergeReplica } from '../app/lib/audit/replica';
import { verifyAudit } from '../app/lib/audit/verify-audit';
import { verifyChain } from '../app/lib/audit/verify-chain';

// Audit chain: append throughput and verification time for N events in Node (WebCrypto SHA-256).
const N = Number(process.argv[2] ?? 100_000);

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
	const t0 = performance.now();
	const value = await fn();
	return [value, performance.now() - t0];
}

const store = createMemoryStore('bench-device');
const chain = await createChain('bench-device', 'alice', store, 'bench');
const t0 = Date.parse('2026-11-20T09:00:00Z');
const [, appendMs] = await time(async () => {
	for (let i = 1; i < N; i++) {
		await appendEvent(chain, {
			type: 'decision',
			payload: { action: 'exclude', respondents: [i, i + 1], variable: 'q7', reason: 'straight-liner ✓', finding: `f-${i}` },
			time: new Date(t0 + i * 1000).toISOString()
		});
	}
});
const events = store.events;
const [chainVerdict, verifyMs] = await time(() => verifyChain(events));
const audit = buildAuditExport('bench', [{ device: 'bench-device', events }]);
const [text, stringifyMs] = await time(async () => stringifyAudit(audit));
const [fileVerdict, fileMs] = await time(async () => verifyAudit(asAuditExport(JSON.parse(text))));
const [merged, mergeMs] = await time(() => mergeReplica(events.slice(0, N / 2), events, { device: 'bench-device' }));
if (!chainVerdict.ok || !fileVerdict.ok || merged.problems.length) throw new Error('bench chain did not verify');

const rows: [string, string][] = [
	['events', N.toLocaleString('en')],
	[
		'append (hash + canonical JSON + store)',
		`${Math.round((N - 1) / (appendMs / 1000)).toLocaleString('en')} events/s (${(appendMs / 1000).toFixed(2)} s)`
	],
	['verifyChain', `${(verifyMs / 1000).toFixed(2)} s (${Math.round(N / (verifyMs / 1000)).toLocaleString('en')} events/s)`],
	['stringify AUDIT JSON', `${(stringifyMs / 1000).toFixed(2)} s, ${(text.length / 1e6).toFixed(1)} MB`],
	['parse + verifyAudit (sieve verify path)', `${(fileMs / 1000).toFixed(2)} s`],
	['mergeReplica of the second half', `${(mergeMs / 1000).toFixed(2)} s`]
];
process.stdout.write(`node ${process.version}\n`);
for (const [k, v] of rows) process.stdout.write(`${k.padEnd(42)} ${v}\n`);
