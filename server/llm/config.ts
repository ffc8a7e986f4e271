/** The LLM proxy's settings (SPEC §6 LLM), read from the environment by {@link llmConfigFromEnv}. */
export interface LlmConfig {
	/** `LLM_BASE_URL`, an OpenAI-compatible API root such as `http://127.0.0.1:8080/v1`; absent: the proxy answers 503 */
	baseUrl?: string;
	/** `LLM_API_KEY`; optional for local servers. Never sent to clients or logged */
	apiKey?: string;
	/** `LLM_MODELS`, the allowlist; empty allows any model */
	models: string[];
	/** `LLM_MODEL`, used when a request names none */
	defaultModel?: string;
	/** `LLM_RATE_PER_MIN`: requests per token in any 60 s */
	ratePerMinute: number;
	/** largest request body accepted */
	maxBodyBytes: number;
	/** most messages in one request */
	maxMessages: number;
	/** upstream time limit, headers and whole body */
	timeoutMs: number;
}

export const DEFAULT_LLM_CONFIG: LlmConfig = {
	models: [],
	ratePerMinute: 20,
	maxBodyBytes: 256 * 1024,
	maxMessages: 64,
	timeoutMs: 120_000
};

/** Builds the config from `LLM_*` variables; a malformed value throws a message naming the variable. */
export function llmConfigFromEnv(env: Record<string, string | undefined>): LlmConfig {
	const rate = env.LLM_RATE_PER_MIN;
	const ratePerMinute = rate === undefined || rate === '' ? DEFAULT_LLM_CONFIG.ratePerMinute : Number(rate);
	if (!Number.isInteger(ratePerMinute) || ratePerMinute < 1) throw new Error(`LLM_RATE_PER_MIN must be a positive integer, got ${rate}`);
	const baseUrl = env.LLM_BASE_URL?.trim() || undefined;
	if (baseUrl && !/^https?:\/\//.test(baseUrl)) throw new Error(`LLM_BASE_URL must be an http(s) URL, got ${baseUrl}`);
	return {
		...DEFAULT_LLM_CONFIG,
		baseUrl: baseUrl?.replace(/\/+$/, ''),
		apiKey: env.LLM_API_KEY || undefined,
		models: (env.LLM_MODELS ?? '')
			.split(',')
			.map((m) => m.trim())
			.filter(Boolean),
		defaultModel: env.LLM_MODEL?.trim() || undefined,
		ratePerMinute
	};
}
