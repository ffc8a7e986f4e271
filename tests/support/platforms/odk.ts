import { respondents, QUESTIONS, type Respondent } from './survey';
import { bearerOf, startStandIn, type StandIn } from './stand-in';

export const ODK_USER = 'enumerator@example.org';
export const ODK_PASSWORD = 'correct horse';
export const ODK_FORM = '3/water_access';
const SESSION = 'session-token-123';

function submission(r: Respondent) {
	return {
		__id: `uuid:${r.uuid}`,
		household: { region: r.region, age: r.age, children: r.children },
		sources: r.sources,
		comment: r.comment || null,
		meta: { instanceID: `uuid:${r.uuid}` },
		'repeat_members@odata.navigationLink': `Submissions('uuid:${r.uuid}')/repeat_members`,
		__system: {
			submissionDate: `${r.submitted}.000Z`,
			submitterId: '5',
			submitterName: 'Enumerator Ö',
			attachmentsPresent: 0,
			attachmentsExpected: 0,
			status: null,
			reviewState: null,
			deviceId: null,
			edits: 0,
			formVersion: '2025031001'
		}
	};
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The XForm: labels by itext for grouped questions, inline for the others (both occur in real forms). */
function xform(): string {
	const ref = (q: (typeof QUESTIONS)[number]) => `/data/${q.group ? `${q.group}/` : ''}${q.name}`;
	const itext = QUESTIONS.filter((q) => q.group)
		.map((q) => `<text id="${ref(q)}:label"><value>${escapeXml(q.label)}</value></text>`)
		.join('');
	const body = QUESTIONS.map((q) => {
		const tag = q.type === 'select_one' ? 'select1' : q.type === 'select_multiple' ? 'select' : 'input';
		const label = q.group ? `<label ref="jr:itext('${ref(q)}:label')"/>` : `<label>${escapeXml(q.label)}</label>`;
		return `<${tag} ref="${ref(q)}">${label}</${tag}>`;
	}).join('\n');
	return `<?xml version="1.0"?><h:html xmlns:h="http://www.w3.org/1999/xhtml" xmlns="http://www.w3.org/2002/xforms" xmlns:jr="http://openrosa.org/javarosa">
<h:head><h:title>Water access</h:title><model><itext><translation lang="English" default="true()">${itext}</translation>
<translation lang="Français"><text id="/data/household/region:label"><value>Région ?</value></text></translation></itext>
<instance><data id="water_access"/></instance></model></h:head>
<h:body><group ref="/data/household"><label>Household</label>
${body}
</group></h:body></h:html>`;
}

function fields() {
	return [
		{ name: 'household', path: '/household', type: 'structure', binary: null },
		...QUESTIONS.map((q) => ({
			name: q.name,
			path: `/${q.group ? `${q.group}/` : ''}${q.name}`,
			type: q.type === 'integer' ? 'int' : 'string',
			binary: null
		})),
		{ name: 'repeat_members', path: '/repeat_members', type: 'repeat', binary: null },
		{ name: 'member', path: '/repeat_members/member', type: 'string', binary: null },
		{ name: 'meta', path: '/meta', type: 'structure', binary: null },
		{ name: 'instanceID', path: '/meta/instanceID', type: 'string', binary: null }
	];
}

/**
 * ODK Central as documented: `POST /v1/sessions`, the form resource (with `X-Extended-Metadata`),
 * `…/fields?odata=true`, `…/forms/{id}.xml`, and OData `…/forms/{id}.svc/Submissions` with
 * `$top`/`$skip`/`$count`/`$filter` → `{value, @odata.count, @odata.nextLink}`.
 */
export async function startOdk(n: number): Promise<StandIn & { people: Respondent[] }> {
	const people = respondents(n);
	const data = people.map(submission);
	const base = '/v1/projects/3/forms/water_access';
	const standIn = await startStandIn((req, url, body) => {
		if (url.pathname === '/v1/sessions' && req.method === 'POST') {
			const { email, password } = JSON.parse(body || '{}') as { email?: string; password?: string };
			if (email !== ODK_USER || password !== ODK_PASSWORD)
				return { status: 401, json: { code: 401.2, message: 'Could not authenticate with the provided credentials.' } };
			return { json: { token: SESSION, expiresAt: '2099-01-01T00:00:00Z' } };
		}
		if (bearerOf(req, 'Bearer') !== SESSION)
			return { status: 401, json: { code: 401.2, message: 'Could not authenticate with the provided credentials.' } };
		if (url.pathname === base)
			return {
				json: {
					xmlFormId: 'water_access',
					name: 'Water access',
					projectId: 3,
					...(req.headers['x-extended-metadata'] ? { submissions: data.length } : {})
				}
			};
		if (url.pathname === `${base}/fields`) return { json: fields() };
		if (url.pathname === `${base}.xml`) return { text: xform() };
		if (url.pathname !== `${base}.svc/Submissions`)
			return { status: 404, json: { code: 404.1, message: 'Could not find the resource you were looking for.' } };
		const top = Number(url.searchParams.get('$top') ?? data.length);
		const skip = Number(url.searchParams.get('$skip') ?? 0);
		const filter = url.searchParams.get('$filter')?.match(/^__system\/submissionDate gt (\S+)$/);
		const matching = filter ? data.filter((d) => Date.parse(d.__system.submissionDate) > Date.parse(filter[1]!)) : data;
		const value = matching.slice(skip, skip + top);
		const next = new URL(url);
		next.searchParams.set('$skip', String(skip + top));
		return {
			json: {
				'@odata.context': `${url.origin}${base}.svc/$metadata#Submissions`,
				value,
				...(url.searchParams.get('$count') === 'true' ? { '@odata.count': matching.length } : {}),
				...(skip + top < matching.length ? { '@odata.nextLink': next.href } : {})
			}
		};
	});
	return Object.assign(standIn, { people });
}
