import { classifyError } from '../errors';
import { malformed, plainLabel, platformUrl, requireToken, sinceIso } from '../platform';
import type { Connector, ConnectorContext, Field, PullRequest } from '../types';

interface Meta {
	field_name?: string;
	form_name?: string;
	field_type?: string;
	field_label?: string;
	select_choices_or_calculations?: string;
}

function api<T>(ctx: ConnectorContext, req: PullRequest, params: [string, string][]): Promise<T> {
	const body = new URLSearchParams([
		['token', requireToken(req, 'A REDCap API token')],
		...params,
		['format', 'json'],
		['returnFormat', 'json']
	]);
	return ctx.http.json<T>(platformUrl(req, '/api/'), {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
		body
	});
}

const forms = (req: PullRequest): [string, string][] => (req.form ? [['forms[0]', req.form]] : []);

async function metadata(ctx: ConnectorContext, req: PullRequest): Promise<Meta[]> {
	const meta = await api<Meta[]>(ctx, req, [['content', 'metadata'], ...forms(req)]);
	if (!Array.isArray(meta)) throw malformed(platformUrl(req, '/api/'), 'metadata is not a list');
	return meta;
}

/** Export columns with their labels: checkboxes give one `name___code` column per choice, each instrument a `_complete` column. */
export function redcapFields(meta: Meta[]): Field[] {
	const fields: Field[] = [];
	const instruments: string[] = [];
	for (const m of meta) {
		if (!m.field_name || m.field_type === 'descriptive') continue;
		if (m.form_name && !instruments.includes(m.form_name)) instruments.push(m.form_name);
		const label = plainLabel(m.field_label);
		if (m.field_type !== 'checkbox') {
			fields.push({ name: m.field_name, label });
			continue;
		}
		for (const choice of (m.select_choices_or_calculations ?? '').split('|')) {
			const [code = '', ...text] = choice.split(',');
			const c = code.trim().toLowerCase().replace(/-/g, '_');
			if (c) fields.push({ name: `${m.field_name}___${c}`, label: [label, text.join(',').trim()].filter(Boolean).join(': ') });
		}
	}
	for (const f of instruments) fields.push({ name: `${f}_complete`, label: 'Complete?' });
	return fields;
}

/** Distinct record ids, in export order (a longitudinal project repeats a record once per event). */
async function recordIds(ctx: ConnectorContext, req: PullRequest, idField: string, since: string | null): Promise<string[]> {
	const range: [string, string][] = since ? [['dateRangeBegin', since.slice(0, 19).replace('T', ' ')]] : [];
	const rows = await api<Record<string, unknown>[]>(ctx, req, [['content', 'record'], ['type', 'flat'], ['fields[0]', idField], ...range]);
	if (!Array.isArray(rows)) throw malformed(platformUrl(req, '/api/'), 'records are not a list');
	return [...new Set(rows.map((r) => String(r[idField])))];
}

/** REDCap: `POST /api/` with `content=record`, `format=json`; records fetched in batches of ids; labels from `content=metadata`. */
export const redcap: Connector = {
	kind: 'redcap',
	classify: classifyError,
	submittedAt: () => null,
	sinceIsPullStart: true,

	async test(ctx, req) {
		const project = await api<{ project_title?: string }>(ctx, req, [['content', 'project']]);
		const meta = await metadata(ctx, req);
		const idField = meta[0]?.field_name;
		const count = idField ? (await recordIds(ctx, req, idField, null)).length : null;
		return { title: project?.project_title ?? null, count, fields: redcapFields(meta) };
	},

	async *pull(ctx, req) {
		const since = sinceIso(req);
		const idField = (await metadata(ctx, req))[0]?.field_name;
		if (!idField) throw malformed(platformUrl(req, '/api/'), 'metadata names no fields');
		const ids = await recordIds(ctx, req, idField, since);
		for (let i = 0; i < ids.length || i === 0; i += ctx.pageSize) {
			const batch = ids.slice(i, i + ctx.pageSize);
			if (!batch.length) {
				yield { records: [], total: 0 };
				return;
			}
			const records = await api<Record<string, unknown>[]>(ctx, req, [
				['content', 'record'],
				['type', 'flat'],
				['rawOrLabel', 'raw'],
				['exportSurveyFields', 'true'],
				...forms(req),
				...batch.map((id, j): [string, string] => [`records[${j}]`, id])
			]);
			if (!Array.isArray(records)) throw malformed(platformUrl(req, '/api/'), 'records are not a list');
			yield { records, total: ids.length };
		}
	}
};
