import { respondents, QUESTIONS, type Respondent } from './survey';
import { bearerOf, startStandIn, type StandIn } from './stand-in';

export const KOBO_TOKEN = 'kobo-secret-token';
export const KOBO_UID = 'aXk9Wq2mT5bLp';

function submission(r: Respondent, i: number) {
	return {
		_id: 1000 + i,
		_uuid: r.uuid,
		'formhub/uuid': 'f0f0',
		'household/region': r.region,
		'household/age': String(r.age),
		'household/children': String(r.children),
		sources: r.sources,
		...(r.comment ? { comment: r.comment } : {}),
		'meta/instanceID': `uuid:${r.uuid}`,
		_submission_time: r.submitted,
		_status: 'submitted_via_web',
		_geolocation: [null, null],
		_attachments: [],
		__version__: 'vAbc'
	};
}

function survey() {
	const rows: Record<string, unknown>[] = [{ type: 'start', name: 'start', $xpath: 'start' }];
	let open: string | null = null;
	for (const q of QUESTIONS) {
		if (q.group !== open) {
			if (open) rows.push({ type: 'end_group' });
			if (q.group) rows.push({ type: 'begin_group', name: q.group, label: ['Household'] });
			open = q.group;
		}
		rows.push({ type: q.type, name: q.name, label: [q.label, null], $xpath: q.group ? `${q.group}/${q.name}` : q.name });
	}
	if (open) rows.push({ type: 'end_group' });
	rows.push({ type: 'note', name: 'thanks', label: ['Thank you'] });
	return rows;
}

/**
 * KoboToolbox API v2 as documented: `GET /api/v2/assets/{uid}/` (asset with `content.survey`),
 * `GET /api/v2/assets/{uid}/data/?limit&start&query` → `{count, next, previous, results}`, `Token` auth.
 */
export async function startKobo(n: number): Promise<StandIn & { people: Respondent[] }> {
	const people = respondents(n);
	const data = people.map(submission);
	const standIn = await startStandIn((req, url) => {
		if (bearerOf(req, 'Token') !== KOBO_TOKEN) return { status: 401, json: { detail: 'Invalid token.' } };
		const m = url.pathname.match(/^\/api\/v2\/assets\/([^/]+)\/(data\/)?$/);
		if (!m || m[1] !== KOBO_UID) return { status: 404, json: { detail: 'Not found.' } };
		if (!m[2])
			return {
				json: { uid: KOBO_UID, name: 'Water access 2025', deployment__submission_count: data.length, content: { survey: survey() } }
			};
		const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), 30000);
		const start = Number(url.searchParams.get('start') ?? 0);
		const query = url.searchParams.get('query');
		const after = query ? (JSON.parse(query) as { _submission_time: { $gt: string } })._submission_time.$gt : null;
		const matching = after ? data.filter((d) => d._submission_time > after) : data;
		const results = matching.slice(start, start + limit);
		const nextUrl = new URL(url);
		nextUrl.searchParams.set('start', String(start + limit));
		return { json: { count: matching.length, next: start + limit < matching.length ? nextUrl.href : null, previous: null, results } };
	});
	return Object.assign(standIn, { people });
}
