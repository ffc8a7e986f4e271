import { csvLine } from './csv';
import type { PullStats } from './sync';
import type { Connector, ConnectorContext, Field, PullRequest } from './types';

/**
 * The pull as CSV text, page by page, so the relay can stream it without holding the data.
 * Columns: the form's fields in form order, then the other columns of the first page (the
 * platform's own, such as submission times). A column first seen later is counted in
 * `stats.dropped`; the form's field list normally makes that empty.
 */
export async function* pullCsv(connector: Connector, ctx: ConnectorContext, req: PullRequest, fields: Field[], stats: PullStats) {
	let columns: string[] | null = null;
	let known = new Set<string>();
	for await (const page of connector.pull(ctx, req)) {
		stats.pages++;
		if (!columns) {
			columns = fields.map((f) => f.name);
			known = new Set(columns);
			for (const r of page.records)
				for (const key of Object.keys(r))
					if (!known.has(key)) {
						known.add(key);
						columns.push(key);
					}
			yield csvLine(columns);
		}
		let chunk = '';
		for (const r of page.records) {
			for (const key of Object.keys(r)) if (!known.has(key)) stats.dropped.add(key);
			chunk += csvLine(columns.map((c) => r[c]));
			const at = connector.submittedAt(r);
			if (at && (!stats.lastSubmission || at > stats.lastSubmission)) stats.lastSubmission = at;
		}
		stats.fetched += page.records.length;
		if (chunk) yield chunk;
	}
	if (!columns) yield csvLine(fields.map((f) => f.name));
}
