/** Path of the LLM proxy (SPEC §6): an OpenAI-compatible chat-completions endpoint. */
export const LLM_CHAT_PATH = '/llm/chat';

/** One part of a multi-part message; only text parts are accepted. */
export interface ChatTextPart {
	type: 'text';
	text: string;
}

/** A chat-completions message as the relay accepts it. */
export interface ChatMessage {
	role: 'system' | 'user' | 'assistant';
	content: string | ChatTextPart[];
}

/** Body of `POST /llm/chat`; other OpenAI fields (temperature, max_tokens…) pass through. */
export interface ChatRequest {
	/** defaults to the relay's `LLM_MODEL`; must be on its `LLM_MODELS` allowlist */
	model?: string;
	messages: ChatMessage[];
	/** answer as server-sent events, passed through from upstream */
	stream?: boolean;
	[field: string]: unknown;
}

/** A non-streamed chat-completions answer (the fields the app reads). */
export interface ChatResponse {
	model: string;
	choices: { index: number; message: { role: string; content: string | null }; finish_reason: string | null }[];
	usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
}

/** One streamed chunk (`data: {...}` line of the event stream). */
export interface ChatChunk {
	model?: string;
	choices: { index: number; delta: { role?: string; content?: string | null }; finish_reason: string | null }[];
}

/** Error body of the relay's own refusals (upstream errors pass through sanitised). */
export interface LlmErrorBody {
	error: string;
}
