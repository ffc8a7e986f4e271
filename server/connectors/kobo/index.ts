import { classifyError } from '../errors';
import { flatten } from '../flatten';
import { isoTime, malformed, plainLabel, platformUrl, requireToken, sinceIso } from '../platform';
import { offsetPages } from '../paging';
import type { Connector, ConnectorContext, Field, PullRequest } from '../types';

interface KoboAsset {
	name?: string;
	deployment__submission_count?: number;
	content?: { survey?: KoboRow[] };
}

interface KoboRow {
	type?: string;
	name?: string;
	$autoname?: string;
	$xpath?: string;
	label?: (string | null)[] | string;
}

interface KoboPage {
	count?: number;
	next?: string | null;
	results?: unknown;
}

const NO_DATA = new Set(['note', 'end_group', 'end_repeat']);

function headers(req: PullRequest) {
	return { authorization: `Token ${requireToken(req, 'A KoboToolbox API token')}`, accept: 'application/json' };
}

const assetPath = (req: PullRequest) => `/api/v2/assets/${encodeURIComponent(req.form)}`;

/** Form fields in form order, named as the data endpoint names them (`group/question`). */
export function koboFields(survey: KoboRow[]): Field[] {
	const groups: string[] = [];
	const fields: Field[] = [];
	let repeatDepth = 0;
	for (const row of survey) {
		const type = row.type ?? '';
		const name = row.$autoname ?? row.name ?? '';
		if (type === 'end_group' || type === 'end_repeat') {
			groups.pop();
			if (type === 'end_repeat') repeatDepth--;
			continue;
		}
		const path = row.$xpath ?? [...groups, name].join('/');
		const label = plainLabel(Array.isArray(row.label) ? row.label.find((l) => l) : row.label);
		if (type === 'begin_group') {
			groups.push(name);
			continue;
		}
		if (type === 'begin_repeat') {
			// a repeat's answers come as one list under its own name
			if (repeatDepth === 0) fields.push({ name: path, label });
			groups.push(name);
			repeatDepth++;
			continue;
		}
		if (repeatDepth > 0 || NO_DATA.has(type) || !name) continue;
		fields.push({ name: path, label });
	}
	return fields;
}

/** KoboToolbox API v2: `/api/v2/assets/{uid}/data/` with `limit`/`start` paging and `Token` auth. */
export const kobo: Connector = {
	kind: 'kobo',
	classify: classifyError,
	submittedAt: (r) => isoTime(r._submission_time),

	async test(ctx, req) {
		const url = platformUrl(req, `${assetPath(req)}/?format=json`);
		const asset = await ctx.http.json<KoboAsset>(url, { headers: headers(req) });
		if (!asset || typeof asset !== 'object') throw malformed(url, 'no asset');
		return {
			title: asset.name ?? null,
			count: typeof asset.deployment__submission_count === 'number' ? asset.deployment__submission_count : null,
			fields: koboFields(Array.isArray(asset.content?.survey) ? asset.content.survey : [])
		};
	},

	pull(ctx: ConnectorContext, req: PullRequest) {
		const since = sinceIso(req);
		return offsetPages<KoboPage>(ctx, {
			url: (start) => {
				const q = new URLSearchParams({ format: 'json', limit: String(ctx.pageSize), start: String(start), sort: '{"_id":1}' });
				// Kobo stores _submission_time as UTC without a zone, and compares it as text
				if (since) q.set('query', JSON.stringify({ _submission_time: { $gt: since.slice(0, 19) } }));
				return platformUrl(req, `${assetPath(req)}/data/?${q}`);
			},
			headers: headers(req),
			list: (page) => page.results,
			total: (page) => (typeof page.count === 'number' ? page.count : null),
			more: (page) => Boolean(page.next),
			record: (s) => flatten(s, '/')
		});
	}
};
