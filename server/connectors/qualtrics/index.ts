import { ConnectorError, classifyError } from '../errors';
import { isoTime, malformed, plainLabel, platformUrl, requireToken, sinceIso } from '../platform';
import type { Connector, ConnectorContext, Field, PullRequest } from '../types';

interface Question {
	questionText?: string;
	questionName?: string;
	subQuestions?: Record<string, { choiceText?: string }>;
}

interface Survey {
	result?: { name?: string; questions?: Record<string, Question>; responseCounts?: { auditable?: number } };
}

interface Progress {
	result?: { status?: string; percentComplete?: number; fileId?: string };
}

/** The CSV export's names and header text for the JSON export's metadata keys, so both import alike. */
const META: [key: string, name: string, label: string][] = [
	['startDate', 'StartDate', 'Start Date'],
	['endDate', 'EndDate', 'End Date'],
	['status', 'Status', 'Response Type'],
	['ipAddress', 'IPAddress', 'IP Address'],
	['progress', 'Progress', 'Progress'],
	['duration', 'Duration (in seconds)', 'Duration (in seconds)'],
	['finished', 'Finished', 'Finished'],
	['recordedDate', 'RecordedDate', 'Recorded Date'],
	['locationLatitude', 'LocationLatitude', 'Location Latitude'],
	['locationLongitude', 'LocationLongitude', 'Location Longitude'],
	['distributionChannel', 'DistributionChannel', 'Distribution Channel'],
	['userLanguage', 'UserLanguage', 'User Language']
];
const META_NAME = new Map(META.map(([k, n]) => [k, n]));

const POLL_MS = [1000, 1000, 2000, 2000, 5000];
/** give up on an export job that has not finished after this long */
const MAX_WAIT_MS = 30 * 60_000;

const headers = (req: PullRequest) => ({ 'x-api-token': requireToken(req, 'A Qualtrics API token'), 'content-type': 'application/json' });
const surveyPath = (req: PullRequest) => `/API/v3/surveys/${encodeURIComponent(req.form)}`;

async function survey(ctx: ConnectorContext, req: PullRequest) {
	const url = platformUrl(req, surveyPath(req));
	const s = await ctx.http.json<Survey>(url, { headers: headers(req) });
	if (!s?.result || typeof s.result !== 'object') throw malformed(url, 'no result');
	return s.result;
}

/** Question columns as the export names them: the question's export tag (`Q5`) for its QID, sub-question and text suffixes kept. */
function renamer(questions: Record<string, Question>) {
	return (key: string) => {
		const m = key.match(/^(QID\d+)(.*)$/);
		const tag = m ? questions[m[1]!]?.questionName : undefined;
		return tag ? `${tag}${m![2]}` : (META_NAME.get(key) ?? key);
	};
}

export function qualtricsFields(questions: Record<string, Question>): Field[] {
	const fields: Field[] = [{ name: 'ResponseId', label: 'Response ID' }, ...META.map(([, name, label]) => ({ name, label }))];
	for (const [qid, q] of Object.entries(questions)) {
		const name = q.questionName ?? qid;
		const label = plainLabel(q.questionText);
		const subs = Object.entries(q.subQuestions ?? {});
		if (!subs.length) fields.push({ name, label });
		for (const [key, sub] of subs)
			fields.push({ name: `${name}_${key}`, label: [label, plainLabel(sub.choiceText)].filter(Boolean).join(' - ') || null });
	}
	return fields;
}

/** Qualtrics: `export-responses` start → poll progress → download the file (JSON, uncompressed), `X-API-TOKEN` auth. */
export const qualtrics: Connector = {
	kind: 'qualtrics',
	classify: classifyError,
	submittedAt: (r) => isoTime(r.RecordedDate),

	async test(ctx, req) {
		const s = await survey(ctx, req);
		return { title: s.name ?? null, count: s.responseCounts?.auditable ?? null, fields: qualtricsFields(s.questions ?? {}) };
	},

	async *pull(ctx, req) {
		const since = sinceIso(req);
		const rename = renamer((await survey(ctx, req)).questions ?? {});
		const exportsUrl = platformUrl(req, `${surveyPath(req)}/export-responses`);
		const started = await ctx.http.json<{ result?: { progressId?: string } }>(exportsUrl, {
			method: 'POST',
			headers: headers(req),
			body: JSON.stringify({ format: 'json', compress: false, ...(since ? { startDate: since } : {}) })
		});
		const progressId = started?.result?.progressId;
		if (!progressId) throw malformed(exportsUrl, 'no progressId');
		let fileId: string | undefined;
		for (let poll = 0, waited = 0; !fileId; poll++) {
			const url = `${exportsUrl}/${encodeURIComponent(progressId)}`;
			const p = (await ctx.http.json<Progress>(url, { headers: headers(req) }))?.result;
			if (p?.status === 'failed') throw new ConnectorError(`${url}: Qualtrics says the export failed`, 'permanent');
			if (p?.status === 'complete') {
				if (!p.fileId) throw malformed(url, 'complete without fileId');
				fileId = p.fileId;
				break;
			}
			if (waited > MAX_WAIT_MS)
				throw new ConnectorError(`${url}: the export did not finish within ${MAX_WAIT_MS / 60_000} minutes`, 'transient');
			const ms = POLL_MS[Math.min(poll, POLL_MS.length - 1)]!;
			await ctx.sleep(ms);
			waited += ms;
		}
		const fileUrl = `${exportsUrl}/${encodeURIComponent(fileId)}/file`;
		const file = await ctx.http.json<{ responses?: unknown }>(fileUrl, { headers: headers(req) });
		if (!Array.isArray(file?.responses)) throw malformed(fileUrl, 'no responses list');
		const records = file.responses.map((r, i) => {
			const values = (r as { values?: unknown })?.values;
			if (!values || typeof values !== 'object') throw malformed(fileUrl, `response ${i} has no values`);
			const out: Record<string, unknown> = { ResponseId: (r as { responseId?: unknown }).responseId };
			for (const [k, v] of Object.entries(values)) out[rename(k)] = v;
			return out;
		});
		// one download holds every response; it is handed on in pages so the stream and its progress stay even
		for (let i = 0; i < records.length || i === 0; i += ctx.pageSize)
			yield { records: records.slice(i, i + ctx.pageSize), total: records.length };
	}
};
