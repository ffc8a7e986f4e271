import 'fake-indexeddb/auto';
import type { EventInput } from '../app/lib/audit/events';
import { verifyAudit } from '../app/lib/audit/verify-audit';
import { createAuditLog } from '../app/lib/store/audit-log';
import { SieveDb } from '../app/lib/store/db';

// Audit appends into IndexedDB (fake-indexeddb under Node, so only relative numbers carry over to a
// browser): a bulk action of N respondents recorded one event per transaction (what the app did for
// each respondent before batch appends) against one transaction for the whole batch.
const N = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 3);

const inputs: EventInput[] = Array.from({ length: N }, (_, i) => ({
	type: 'decision',
	payload: { action: 'exclude', respondents: [`R_${(i * 7919).toString(36)}`], reason: 'speeder', finding: `speeders:${i}` }
}));

async function measure(label: string, write: (log: ReturnType<typeof createAuditLog>, project: string) => Promise<unknown>) {
	const rates: number[] = [];
	for (let round = 0; round < ROUNDS; round++) {
		const db = new SieveDb(`bench-${label}-${round}`);
		const log = createAuditLog(db);
		await log.recordEvent('p', 'audit-view', { view: 'timeline' });
		const t0 = performance.now();
		await write(log, 'p');
		rates.push(N / ((performance.now() - t0) / 1000));
		if (!(await verifyAudit(await log.exportAudit('p'))).ok) throw new Error(`${label}: chain did not verify`);
		await db.delete();
	}
	rates.sort((a, b) => a - b);
	return `${Math.round(rates[Math.floor(rates.length / 2)]).toLocaleString('en')} events/s (median of ${ROUNDS})`;
}

const one = await measure('one-per-transaction', async (log, p) => {
	for (const input of inputs) await log.recordEvent(p, input.type, input.payload);
});
const batch = await measure('one-transaction', (log, p) => log.recordEvents(p, inputs));
process.stdout.write(`node ${process.version}, fake-indexeddb, ${N.toLocaleString('en')} decision events\n`);
process.stdout.write(`${'one event per transaction (before)'.padEnd(42)} ${one}\n`);
process.stdout.write(`${'recordEvents: one transaction (after)'.padEnd(42)} ${batch}\n`);
