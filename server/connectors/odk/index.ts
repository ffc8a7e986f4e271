import { ConnectorError, classifyError } from '../errors';
import { flatten } from '../flatten';
import { isoTime, malformed, platformUrl, sinceIso } from '../platform';
import { offsetPages } from '../paging';
import type { Connector, ConnectorContext, Field, PullRequest } from '../types';
import { xformLabels } from './xform-labels';

interface OdkField {
	name?: string;
	path?: string;
	type?: string;
}

interface OdkPage {
	value?: unknown;
	'@odata.count'?: number;
	'@odata.nextLink'?: string;
}

/** Central's CSV export names for the `__system` properties, so imports of either look alike. */
const SYSTEM: Record<string, string> = {
	submissionDate: 'SubmissionDate',
	submitterId: 'SubmitterID',
	submitterName: 'SubmitterName',
	attachmentsPresent: 'AttachmentsPresent',
	attachmentsExpected: 'AttachmentsExpected',
	status: 'Status',
	reviewState: 'ReviewState',
	deviceId: 'DeviceID',
	edits: 'Edits',
	formVersion: 'FormVersion'
};

function formPath(req: PullRequest): string {
	const m = req.form.match(/^(\d+)\/([^/]+)$/);
	if (!m) throw new ConnectorError(`ODK form ${JSON.stringify(req.form)} must be PROJECT/FORM, e.g. 3/household_survey`, 'permanent');
	return `/v1/projects/${m[1]}/forms/${encodeURIComponent(m[2]!)}`;
}

/** A bearer token: the given one (session or app user), else a session opened with e-mail and password. */
async function bearer(ctx: ConnectorContext, req: PullRequest): Promise<Record<string, string>> {
	const { token, user, password } = req.credentials;
	if (token) return { authorization: `Bearer ${token}` };
	if (!user || !password)
		throw new ConnectorError('ODK Central needs credentials.token, or credentials.user and credentials.password', 'auth');
	const url = platformUrl(req, '/v1/sessions');
	const session = await ctx.http.json<{ token?: string }>(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: user, password })
	});
	if (typeof session?.token !== 'string') throw malformed(url, 'no session token');
	return { authorization: `Bearer ${session.token}` };
}

/** An OData submission as Central's CSV export would name its columns (`group-question`, `KEY`, `SubmissionDate`). */
export function odkRecord(value: Record<string, unknown>): Record<string, unknown> {
	const { __id, __system, ...answers } = value;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(flatten(answers, '-'))) if (!k.includes('@odata.')) out[k] = v;
	if (__system && typeof __system === 'object')
		for (const [k, v] of Object.entries(__system as Record<string, unknown>)) out[SYSTEM[k] ?? k] = v;
	out.KEY = __id;
	return out;
}

/** ODK Central: OData `…/forms/{id}.svc/Submissions` with `$top`/`$skip` paging; session or bearer auth. */
export const odk: Connector = {
	kind: 'odk',
	classify: classifyError,
	submittedAt: (r) => isoTime(r.SubmissionDate),

	async test(ctx, req) {
		const path = formPath(req);
		const h = await bearer(ctx, req);
		const form = await ctx.http.json<{ name?: string | null; xmlFormId?: string; submissions?: number }>(platformUrl(req, path), {
			headers: { ...h, 'x-extended-metadata': 'true' }
		});
		const list = await ctx.http.json<OdkField[]>(platformUrl(req, `${path}/fields?odata=true`), { headers: h });
		const xml = await ctx.http.text(platformUrl(req, `${path}.xml`), { headers: h });
		// refs start with the form's root element (`/data/...`); field paths do not
		const labels = new Map([...xformLabels(xml)].map(([ref, label]) => [ref.replace(/^\/[^/]+/, ''), label]));
		const fields: Field[] = [];
		const inRepeat: string[] = [];
		for (const f of Array.isArray(list) ? list : []) {
			if (!f.path || f.type === 'structure') continue;
			if (inRepeat.some((r) => f.path!.startsWith(`${r}/`))) continue;
			if (f.type === 'repeat') inRepeat.push(f.path);
			// repeats are separate OData tables; the submission row only links to them
			if (f.type === 'repeat') continue;
			fields.push({ name: f.path.slice(1).replaceAll('/', '-'), label: labels.get(f.path) ?? null });
		}
		return { title: form?.name ?? form?.xmlFormId ?? null, count: typeof form?.submissions === 'number' ? form.submissions : null, fields };
	},

	async *pull(ctx, req) {
		const since = sinceIso(req);
		const path = `${formPath(req)}.svc/Submissions`;
		yield* offsetPages<OdkPage>(ctx, {
			url: (skip) => {
				const q = new URLSearchParams({ $top: String(ctx.pageSize), $skip: String(skip), $count: 'true' });
				if (since) q.set('$filter', `__system/submissionDate gt ${since}`);
				return platformUrl(req, `${path}?${q}`);
			},
			headers: await bearer(ctx, req),
			list: (page) => page.value,
			total: (page) => (typeof page['@odata.count'] === 'number' ? page['@odata.count'] : null),
			more: (page) => Boolean(page['@odata.nextLink']),
			record: odkRecord
		});
	}
};
