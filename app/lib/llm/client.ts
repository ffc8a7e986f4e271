import { LLM_CHAT_PATH, type ChatMessage, type ChatResponse } from '../../../server/protocol/llm';
import { createRedactor, restorePlaceholders } from '../text/pii/redact';
import { readChatStream } from './sse';
import { createStreamRestorer } from './stream-restore';

/** What one call sent and got back; `text` has the user's data restored, `sent` is exactly what left the device. */
export interface ChatResult {
	text: string;
	model: string;
	sent: ChatMessage[];
	redacted: Record<string, number>;
	receivedChars: number;
}

export class LlmError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
	}
}

/** The messages as they will leave the device: personal data replaced by typed placeholders. */
export function redactMessages(messages: readonly ChatMessage[]) {
	const redactor = createRedactor();
	const sent = messages.map((m) => ({
		role: m.role,
		content:
			typeof m.content === 'string'
				? redactor.redact(m.content)
				: m.content.map((p) => ({ type: 'text' as const, text: redactor.redact(p.text) }))
	}));
	return { sent, map: redactor.map, redacted: redactor.counts() as Record<string, number> };
}

/**
 * Chat through the relay's `POST /llm/chat` with a room token. The app redacts before sending and
 * restores placeholders in the answer; with `onText` the answer streams in, restored as it comes.
 * @example const r = await chatViaRelay({ origin, token }, messages, { onText: (t) => (shown += t) });
 */
export async function chatViaRelay(
	relay: { origin: string; token: string; fetch?: typeof fetch },
	messages: readonly ChatMessage[],
	opts: { model?: string; onText?: (text: string) => void; signal?: AbortSignal } = {}
): Promise<ChatResult> {
	const { sent, map, redacted } = redactMessages(messages);
	const stream = opts.onText !== undefined;
	const res = await (relay.fetch ?? fetch)(`${relay.origin}${LLM_CHAT_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${relay.token}` },
		body: JSON.stringify({ ...(opts.model ? { model: opts.model } : {}), messages: sent, stream }),
		signal: opts.signal
	});
	if (!res.ok) throw new LlmError(res.status, `LLM: ${await errorText(res)}`);
	if (stream && res.body && res.headers.get('content-type')?.startsWith('text/event-stream')) {
		const restorer = createStreamRestorer(map);
		let text = '';
		let raw = 0;
		const show = (t: string) => {
			text += t;
			if (t) opts.onText?.(t);
		};
		const model = await readChatStream(res.body, (piece) => {
			raw += piece.length;
			show(restorer.push(piece));
		});
		show(restorer.end());
		return { text, model: model ?? opts.model ?? '', sent, redacted, receivedChars: raw };
	}
	const body = (await res.json()) as ChatResponse;
	const content = body.choices[0]?.message.content ?? '';
	const text = restorePlaceholders(content, map);
	opts.onText?.(text);
	return { text, model: body.model, sent, redacted, receivedChars: content.length };
}

async function errorText(res: Response): Promise<string> {
	const raw = await res.text().catch(() => '');
	try {
		const body = JSON.parse(raw) as { error?: string | { message?: string } };
		const e = body.error;
		const message = typeof e === 'string' ? e : e?.message;
		if (message) return `${res.status} ${message}`;
	} catch {
		// not JSON: the status says enough
	}
	return `${res.status} ${res.statusText || 'error'}`;
}
