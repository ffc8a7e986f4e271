import type { Platform } from './types';

/**
 * A name reduced to lower-case words joined by `_`, so "Duration (in seconds)" (CSV),
 * "Duration__in_seconds_" (SPSS) and "duration_in_seconds" match the same pattern.
 */
export function nameKey(name: string): string {
	return name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

const has = (keys: Set<string>, ...ks: string[]) => ks.filter((k) => keys.has(k)).length;

/** Which platform exported the file, from the system columns only that platform writes. */
export function detectPlatform(names: string[]): Platform | null {
	const keys = new Set(names.map(nameKey));
	const raw = new Set(names.map((n) => n.toLowerCase()));
	if (keys.has('responseid') && (has(keys, 'startdate', 'enddate', 'recordeddate', 'finished', 'progress', 'distributionchannel', 'duration_in_seconds', 'responseset') >= 2 || names.some((n) => /^Q_[A-Z]/.test(n))))
		return 'qualtrics';
	if (keys.has('respondent_id') && keys.has('collector_id')) return 'surveymonkey';
	if ((raw.has('_uuid') || raw.has('_submission_time')) && has(raw, '_id', '_index', '_validation_status', '_status', '__version__') >= 1)
		return 'kobo';
	if (has(keys, 'submissiondate', 'key', 'meta_instanceid', 'instanceid', 'submitterid', 'reviewstate') >= 2) return 'odk';
	if (keys.has('record_id') && [...keys].some((k) => k.startsWith('redcap_') || k.endsWith('_complete'))) return 'redcap';
	return null;
}

/** Id columns each platform writes, in order of preference; matched by name key. */
export const PLATFORM_IDS: Record<Platform, string[]> = {
	qualtrics: ['responseid'],
	surveymonkey: ['respondent_id'],
	kobo: ['uuid', 'id'],
	odk: ['key', 'meta_instanceid', 'instanceid'],
	redcap: ['record_id']
};

/** System columns that are not answers, by name key (Kobo's by their leading underscore). */
const PARADATA: Record<Platform, (name: string, key: string) => boolean> = {
	qualtrics: (n, k) =>
		/^Q_[A-Za-z]/.test(n) ||
		/^(status|progress|finished|recordeddate|distributionchannel|userlanguage|externalreference|externaldatareference|responseset|name|emailaddress|recipient\w*|location\w*)$/.test(k) ||
		/_(first_click|last_click|click_count)$/.test(k),
	surveymonkey: (_, k) => /^(collector_id|email_address|first_name|last_name|custom_data(_\d+)?)$/.test(k),
	kobo: (n, k) =>
		n.startsWith('_') || /^(today|deviceid|username|simserial|subscriberid|phonenumber|audit)$/.test(k) || /^(meta|formhub)\//i.test(n),
	odk: (n, k) =>
		/^(submissiondate|submitterid|submittername|attachmentspresent|attachmentsexpected|status|reviewstate|deviceid(_\d+)?|edits|formversion|key|today|username|simserial|subscriberid|phonenumber|audit|instanceid)$/.test(k) ||
		/^meta[-/]/i.test(n),
	redcap: (_, k) => /^redcap_\w+$|_timestamp$|_complete$/.test(k)
};

export function isPlatformParadata(platform: Platform, name: string): boolean {
	return PARADATA[platform](name, nameKey(name));
}

/** Qualtrics timing questions: the page submit time is the page's duration in seconds. */
export function isPlatformPageTime(platform: Platform, name: string): boolean {
	return platform === 'qualtrics' && /_page_submit$/.test(nameKey(name));
}
