import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatRequest } from '../../server/protocol/llm';

/** What the stand-in received for one request. */
export interface UpstreamCall {
	path: string;
	headers: IncomingHttpHeaders;
	body: ChatRequest;
}

export interface UpstreamReply {
	/** answer text; by default the last user message, echoed so placeholders come back */
	text?: string;
	/** answer with this status and raw body instead */
	error?: { status: number; body: string };
	/** streamed answers are cut into chunks of this many characters */
	chunkChars?: number;
	/** pause before each streamed chunk, in ms */
	chunkDelayMs?: number;
}

export interface StandInUpstream {
	/** `LLM_BASE_URL` for the relay */
	baseUrl: string;
	calls: UpstreamCall[];
	/** how the next requests are answered */
	reply: UpstreamReply;
	close(): Promise<void>;
}

// `/v1/models` tells a waiting test runner the server is up; `/calls` lets an e2e in another process read what arrived.
function answerGet(url: string, res: ServerResponse, calls: UpstreamCall[]) {
	const json = url === '/v1/models' ? { object: 'list', data: [{ id: 'stand-in', object: 'model' }] } : url === '/calls' ? calls : null;
	res.writeHead(json ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(json ?? { error: 'no such route' }));
}

const lastUserText = (body: ChatRequest) => {
	const m = [...body.messages].reverse().find((x) => x.role === 'user');
	if (!m) return '';
	return typeof m.content === 'string' ? m.content : m.content.map((p) => p.text).join('');
};

/**
 * A small OpenAI-compatible chat-completions server that records every request: the relay's tests
 * and the LLM e2e point `LLM_BASE_URL` at it. With `stream` it answers server-sent events, one
 * `chat.completion.chunk` per `chunkChars` characters, then `data: [DONE]`.
 */
export async function startStandInUpstream(port = 0): Promise<StandInUpstream> {
	const calls: UpstreamCall[] = [];
	const state: StandInUpstream = { baseUrl: '', calls, reply: {}, close: async () => {} };
	const server: Server = createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (d: string) => (raw += d));
		req.on('end', () => {
			if (req.method === 'GET') return void answerGet(req.url ?? '', res, calls);
			const body = JSON.parse(raw || '{}') as ChatRequest;
			calls.push({ path: req.url ?? '', headers: req.headers, body });
			const { reply } = state;
			if (req.url !== '/v1/chat/completions') return void res.writeHead(404).end('{"error":"no such route"}');
			if (reply.error) return void res.writeHead(reply.error.status, { 'content-type': 'application/json' }).end(reply.error.body);
			const text = reply.text ?? `You said: ${lastUserText(body)}`;
			const base = { id: `chatcmpl-${calls.length}`, created: 1_800_000_000, model: body.model };
			if (!body.stream) {
				res.writeHead(200, { 'content-type': 'application/json' });
				return void res.end(
					JSON.stringify({
						...base,
						object: 'chat.completion',
						choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
						usage: { prompt_tokens: raw.length >> 2, completion_tokens: text.length >> 2, total_tokens: (raw.length + text.length) >> 2 }
					})
				);
			}
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			const size = reply.chunkChars ?? 7;
			const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
			const events = [
				...pieces.map((content, i) => ({
					...base,
					object: 'chat.completion.chunk',
					choices: [{ index: 0, delta: i ? { content } : { role: 'assistant', content }, finish_reason: null }]
				})),
				{ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }
			];
			const send = (i: number) => {
				if (i === events.length) return void res.end('data: [DONE]\n\n');
				res.write(`data: ${JSON.stringify(events[i])}\n\n`);
				setTimeout(() => send(i + 1), reply.chunkDelayMs ?? 0);
			};
			send(0);
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
	state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return state;
}
