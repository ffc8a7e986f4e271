import { parseArgs } from '../args';
import { readAudit } from '../read-audit';
import { ANOMALY_RULES } from '../../lib/audit/anomalies';
import { flattenAudit } from '../../lib/audit/audit-export';
import { anomalyReport, auditOverview } from '../../lib/audit/overview';
import { buildSearchIndex, searchEvents } from '../../lib/audit/search/index';
import { verifyAudit } from '../../lib/audit/verify-audit';

const USAGE =
	'usage: sieve audit AUDIT.json summary|anomalies|search "QUERY" [--now ISO-TIME] [--tz MINUTES-EAST-OF-UTC] [--limit N] [--day YYYY-MM-DD]';

/**
 * `sieve audit AUDIT.json summary|anomalies|search "QUERY"`: the audit view's summary, anomaly list
 * and search, as JSON on stdout, computed by the same modules as the app. Exit 2 on bad usage or an
 * unreadable file. `--now` fixes "today"/"last week" for reproducible searches; `--tz` is the zone
 * in which days and hours are read (default UTC).
 */
export default async function audit(args: string[]): Promise<number> {
	const { positional, options } = parseArgs(args);
	const [file, view, query, ...extra] = positional;
	const problem = usageProblem(view, query, extra, options);
	if (!file || problem) {
		process.stderr.write(`${problem ? `sieve audit: ${problem}\n` : ''}${USAGE}\n`);
		return 2;
	}
	let doc;
	try {
		doc = await readAudit(file);
	} catch (e) {
		process.stderr.write(`sieve audit: ${(e as Error).message}\n`);
		return 2;
	}
	const events = flattenAudit(doc);
	const rules = { ...ANOMALY_RULES, tzOffsetMinutes: Number(options.tz ?? 0) };
	let out: unknown;
	if (view === 'summary') {
		const verdict = await verifyAudit(doc);
		const broken = verdict.ok ? undefined : { device: verdict.device, seq: verdict.seq, reason: verdict.reason, detail: verdict.detail };
		const day = typeof options.day === 'string' ? options.day : undefined;
		out = { project: doc.project, intact: verdict.ok, ...(broken ? { broken } : {}), ...auditOverview(events, { day, rules }) };
	} else if (view === 'anomalies') {
		out = { project: doc.project, ...anomalyReport(events, rules) };
	} else {
		const now = typeof options.now === 'string' ? Date.parse(options.now) : Date.now();
		const limit = typeof options.limit === 'string' ? Number(options.limit) : 20;
		const result = searchEvents(buildSearchIndex(events), query, { now, tzOffsetMinutes: rules.tzOffsetMinutes, limit });
		out = {
			project: doc.project,
			query,
			understood: result.understood,
			total: result.total,
			hits: result.hits.map(({ event: e, score, matches }) => ({
				device: e.device,
				seq: e.seq,
				time: e.time,
				actor: e.actor,
				type: e.type,
				score,
				matches,
				payload: e.payload
			}))
		};
	}
	process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
	return 0;
}

function usageProblem(
	view: string | undefined,
	query: string | undefined,
	extra: string[],
	options: Record<string, string | true>
): string | null {
	if (view !== 'summary' && view !== 'anomalies' && view !== 'search') return view ? `unknown view "${view}"` : null;
	if (view === 'search' && !query?.trim()) return 'search needs a QUERY';
	if ((view !== 'search' && query !== undefined) || extra.length) return `unexpected argument "${view === 'search' ? extra[0] : query}"`;
	if (options.now !== undefined && Number.isNaN(Date.parse(String(options.now))))
		return `--now "${String(options.now)}" is not an ISO-8601 time`;
	if (options.tz !== undefined && !/^[+-]?\d{1,4}$/.test(String(options.tz)))
		return `--tz "${String(options.tz)}" is not minutes east of UTC`;
	if (options.limit !== undefined && !/^\d{1,5}$/.test(String(options.limit)))
		return `--limit "${String(options.limit)}" is not a positive whole number`;
	if (options.day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(options.day)))
		return `--day "${String(options.day)}" is not YYYY-MM-DD`;
	return null;
}
