import { respondents, type Respondent } from './survey';
import { startStandIn, type StandIn } from './stand-in';

export const REDCAP_TOKEN = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';

const SOURCES = ['well', 'river', 'tap', 'rain'];

function record(r: Respondent, i: number) {
	const has = new Set(r.sources.split(' '));
	return {
		record_id: `HH-${String(i + 1).padStart(4, '0')}`,
		redcap_survey_identifier: '',
		household_timestamp: r.submitted.replace('T', ' '),
		region: String(['north', 'south', 'east'].indexOf(r.region) + 1),
		age: String(r.age),
		...Object.fromEntries(SOURCES.map((s, k) => [`sources___${k + 1}`, has.has(s) ? '1' : '0'])),
		comment: r.comment,
		household_complete: '2'
	};
}

const METADATA = [
	{ field_name: 'record_id', form_name: 'household', field_type: 'text', field_label: 'Record ID', select_choices_or_calculations: '' },
	{
		field_name: 'intro',
		form_name: 'household',
		field_type: 'descriptive',
		field_label: 'Thank you for taking part',
		select_choices_or_calculations: ''
	},
	{
		field_name: 'region',
		form_name: 'household',
		field_type: 'radio',
		field_label: 'Which region do you live in?',
		select_choices_or_calculations: '1, North | 2, South | 3, East'
	},
	{ field_name: 'age', form_name: 'household', field_type: 'text', field_label: 'How old are you?', select_choices_or_calculations: '' },
	{
		field_name: 'sources',
		form_name: 'household',
		field_type: 'checkbox',
		field_label: 'Where does your water come from?',
		select_choices_or_calculations: '1, Well | 2, River | 3, Tap | 4, Rain'
	},
	{
		field_name: 'comment',
		form_name: 'household',
		field_type: 'notes',
		field_label: 'Anything else you want to tell us?',
		select_choices_or_calculations: ''
	}
];

/**
 * REDCap API as documented: every call `POST /api/` form-encoded with `token`, `content`
 * (`project`, `metadata`, `record`), `format=json`; records filtered by `records[n]`,
 * `fields[n]`, `dateRangeBegin`; a bad token answers 403.
 */
export async function startRedcap(n: number): Promise<StandIn & { people: Respondent[] }> {
	const people = respondents(n);
	const data = people.map(record);
	const standIn = await startStandIn((req, url, body) => {
		if (url.pathname !== '/api/' || req.method !== 'POST') return { status: 404, text: 'Not found' };
		const p = new URLSearchParams(body);
		if (p.get('token') !== REDCAP_TOKEN) return { status: 403, json: { error: 'You do not have permissions to use the API' } };
		const list = (key: string) => [...p.entries()].filter(([k]) => k.startsWith(`${key}[`)).map(([, v]) => v);
		switch (p.get('content')) {
			case 'project':
				return { json: { project_id: 17, project_title: 'Water access (REDCap)' } };
			case 'metadata':
				return { json: METADATA };
			case 'record': {
				const since = p.get('dateRangeBegin');
				const ids = new Set(list('records'));
				const fields = list('fields');
				const rows = data
					.filter((d) => !since || d.household_timestamp > since)
					.filter((d) => !ids.size || ids.has(d.record_id))
					.map((d) => (fields.length ? Object.fromEntries(fields.map((f) => [f, d[f as keyof typeof d]])) : d));
				return { json: rows };
			}
			default:
				return { status: 400, json: { error: 'The value of the parameter "content" is not valid' } };
		}
	});
	return Object.assign(standIn, { people });
}
