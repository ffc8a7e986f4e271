import { respondents, QUESTIONS, type Respondent } from './survey';
import { startStandIn, type StandIn } from './stand-in';

export const QUALTRICS_TOKEN = 'qx-api-token';
export const SURVEY_ID = 'SV_0ABCdefGHIjkl';

const REGION = { north: 1, south: 2, east: 3 } as const;

function response(r: Respondent, i: number) {
	return {
		responseId: `R_${r.uuid}`,
		values: {
			startDate: `${r.submitted}Z`,
			endDate: `${r.submitted}Z`,
			status: 0,
			ipAddress: `203.0.113.${i % 250}`,
			progress: 100,
			duration: 300 + i,
			finished: 1,
			recordedDate: `${r.submitted}.${String(i % 1000).padStart(3, '0')}Z`,
			_recordId: `R_${r.uuid}`,
			QID1: REGION[r.region],
			QID2_TEXT: String(r.age),
			QID3_1: r.children,
			...(r.comment ? { QID5_TEXT: r.comment } : {})
		}
	};
}

/**
 * Qualtrics API v3 as documented: `GET /API/v3/surveys/{id}` (questions with export tags and text),
 * `POST …/export-responses` → `progressId`, `GET …/export-responses/{progressId}` until `complete`
 * with a `fileId`, then `GET …/export-responses/{fileId}/file`; `X-API-TOKEN` auth.
 */
export async function startQualtrics(n: number, pollsBeforeComplete = 2): Promise<StandIn & { people: Respondent[] }> {
	const people = respondents(n);
	const jobs = new Map<string, { polls: number; startDate: string | null }>();
	const base = `/API/v3/surveys/${SURVEY_ID}`;
	const standIn = await startStandIn((req, url, body) => {
		if (req.headers['x-api-token'] !== QUALTRICS_TOKEN)
			return { status: 401, json: { meta: { httpStatus: '401 - Unauthorized', error: { errorMessage: 'Invalid API token' } } } };
		if (url.pathname === base)
			return {
				json: {
					result: {
						name: 'Water access (Qualtrics)',
						responseCounts: { auditable: n, generated: 0, deleted: 0 },
						questions: {
							QID1: { questionName: 'Q1', questionText: `<p>${QUESTIONS[0].label}</p>` },
							QID2: { questionName: 'Q2', questionText: QUESTIONS[1].label },
							QID3: { questionName: 'Q3', questionText: 'Children by age', subQuestions: { 1: { choiceText: 'Under 5' } } },
							QID5: { questionName: 'Q5', questionText: QUESTIONS[4].label }
						}
					}
				}
			};
		if (url.pathname === `${base}/export-responses` && req.method === 'POST') {
			const { startDate } = JSON.parse(body) as { startDate?: string };
			const id = `ES_${jobs.size}`;
			jobs.set(id, { polls: 0, startDate: startDate ?? null });
			return { json: { result: { progressId: id, percentComplete: 0, status: 'inProgress' } } };
		}
		const progress = url.pathname.match(/\/export-responses\/(ES_\d+)$/);
		if (progress) {
			const job = jobs.get(progress[1]!);
			if (!job) return { status: 404, json: {} };
			job.polls++;
			const done = job.polls > pollsBeforeComplete;
			return {
				json: {
					result: {
						percentComplete: done ? 100 : 50,
						status: done ? 'complete' : 'inProgress',
						...(done ? { fileId: `${progress[1]}-file` } : {})
					}
				}
			};
		}
		const file = url.pathname.match(/\/export-responses\/(ES_\d+)-file\/file$/);
		if (file) {
			const after = jobs.get(file[1]!)?.startDate;
			const responses = people.map(response).filter((r) => !after || r.values.recordedDate >= after);
			return { json: { responses } };
		}
		return { status: 404, json: {} };
	});
	return Object.assign(standIn, { people });
}
