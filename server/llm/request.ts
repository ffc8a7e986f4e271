import type { ChatMessage, ChatRequest } from '../protocol/llm';
import type { LlmConfig } from './config';

export type Parsed = { ok: true; body: ChatRequest & { model: string } } | { ok: false; error: string };

const ROLES = new Set(['system', 'user', 'assistant']);
// Only sampling fields reach upstream: free-text fields such as `user`, `tools` or `metadata` could carry personal data past redaction.
const PASSED_FIELDS = [
	'temperature',
	'top_p',
	'max_tokens',
	'max_completion_tokens',
	'stop',
	'seed',
	'presence_penalty',
	'frequency_penalty',
	'response_format',
	'n'
];

/** Checks a `POST /llm/chat` body and settles its model; the error names the message or field at fault. */
export function parseChatRequest(json: unknown, config: LlmConfig): Parsed {
	if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: 'body must be a JSON object' };
	const raw = json as Record<string, unknown>;
	if (!Array.isArray(raw.messages) || raw.messages.length === 0) return { ok: false, error: 'messages must be a non-empty array' };
	if (raw.messages.length > config.maxMessages) return { ok: false, error: `at most ${config.maxMessages} messages` };
	const messages: ChatMessage[] = [];
	for (const [i, m] of (raw.messages as unknown[]).entries()) {
		const message = parseMessage(m);
		if (typeof message === 'string') return { ok: false, error: `messages[${i}]: ${message}` };
		messages.push(message);
	}
	if (raw.model !== undefined && typeof raw.model !== 'string') return { ok: false, error: 'model must be a string' };
	const model = (raw.model as string | undefined) || config.defaultModel || config.models[0];
	if (!model) return { ok: false, error: 'no model named and the relay has no LLM_MODEL' };
	if (config.models.length && !config.models.includes(model)) {
		return { ok: false, error: `model ${model} is not allowed on this relay (allowed: ${config.models.join(', ')})` };
	}
	if (raw.stream !== undefined && typeof raw.stream !== 'boolean') return { ok: false, error: 'stream must be true or false' };
	const body: ChatRequest & { model: string } = { model, messages, stream: raw.stream === true };
	for (const f of PASSED_FIELDS) if (raw[f] !== undefined) body[f] = raw[f];
	return { ok: true, body };
}

function parseMessage(m: unknown): ChatMessage | string {
	if (typeof m !== 'object' || m === null) return 'must be an object';
	const { role, content } = m as Record<string, unknown>;
	if (typeof role !== 'string' || !ROLES.has(role)) return 'role must be system, user or assistant';
	if (typeof content === 'string') return { role: role as ChatMessage['role'], content };
	if (!Array.isArray(content)) return 'content must be a string or an array of text parts';
	const parts = [];
	for (const p of content as unknown[]) {
		const { type, text } = (p ?? {}) as Record<string, unknown>;
		if (type !== 'text' || typeof text !== 'string') return 'only text parts are accepted';
		parts.push({ type: 'text' as const, text });
	}
	return { role: role as ChatMessage['role'], content: parts };
}

/** The same messages with `redact` applied to every text part. */
export function mapText(messages: readonly ChatMessage[], redact: (text: string) => string): ChatMessage[] {
	return messages.map((m) => ({
		role: m.role,
		content: typeof m.content === 'string' ? redact(m.content) : m.content.map((p) => ({ type: 'text', text: redact(p.text) }))
	}));
}
