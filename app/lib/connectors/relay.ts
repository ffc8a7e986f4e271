import {
	SYNC_ID_HEADER,
	type ConnectorFailure,
	type ConnectorKind,
	type PullRequest,
	type TestResponse
} from '../../../server/protocol/connectors';

async function post(relay: string, token: string, kind: ConnectorKind, action: 'test' | 'pull', body: PullRequest): Promise<Response> {
	const res = await fetch(`${relay}/connectors/${kind}/${action}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
		body: JSON.stringify(body)
	});
	if (res.ok) return res;
	const failure = (await res.json().catch(() => null)) as ConnectorFailure | null;
	const cls = failure?.class === 'auth' ? ' (check the credentials)' : failure?.class === 'transient' ? ' (try again later)' : '';
	throw new Error(`${failure?.error ?? `relay answered ${res.status}`}${cls}`);
}

/** `POST /connectors/:kind/test`: the form's title, size and labelled fields. */
export async function testSource(relay: string, token: string, kind: ConnectorKind, body: PullRequest): Promise<TestResponse> {
	return (await (await post(relay, token, kind, 'test', body)).json()) as TestResponse;
}

/** The relay cut a pull's stream: the platform failed midway; the sync log entry says why. */
export class PullBrokenError extends Error {
	constructor(
		message: string,
		readonly syncId: string | null
	) {
		super(message);
		this.name = 'PullBrokenError';
	}
}

/**
 * `POST /connectors/:kind/pull`: the submissions as one CSV file, read as the relay streams it
 * (`onRows` counts lines as they arrive). A stream the relay cut off throws: half a pull is never
 * returned as if it were the whole.
 */
export async function pullSource(
	relay: string,
	token: string,
	kind: ConnectorKind,
	body: PullRequest,
	onRows: (rows: number) => void
): Promise<{ csv: Blob; syncId: string | null }> {
	const res = await post(relay, token, kind, 'pull', body);
	const parts: Uint8Array[] = [];
	let lines = 0;
	const syncId = res.headers.get(SYNC_ID_HEADER);
	const reader = res.body!.getReader();
	for (;;) {
		let chunk: ReadableStreamReadResult<Uint8Array>;
		try {
			chunk = await reader.read();
		} catch {
			throw new PullBrokenError(`the pull broke off after about ${Math.max(0, lines - 1)} submissions; nothing was imported`, syncId);
		}
		if (chunk.done) break;
		parts.push(chunk.value);
		for (const byte of chunk.value) if (byte === 10) lines++;
		onRows(Math.max(0, lines - 1));
	}
	return { csv: new Blob(parts as BlobPart[], { type: 'text/csv' }), syncId };
}
