import type { AuditPayloads } from '../audit/events';
import { chatViaRelay, type ChatResult } from './client';
import { promptMessages } from './messages';
import type { Prompt } from '../prompts/types';

/** What an AI feature needs to call the LLM; null relay: the project is not shared, so there is no token. */
export interface LlmContext {
	enabled: boolean;
	language: string;
	model: string;
	relay: { origin: string; token: string; fetch?: typeof fetch } | null;
	/** writes the `llm-call` audit event */
	record: (payload: AuditPayloads['llm-call']) => Promise<unknown>;
}

/** Why the LLM cannot be used now, one line; null when it can. */
export function llmUnavailable(ctx: Pick<LlmContext, 'enabled' | 'relay'>): string | null {
	if (!ctx.enabled) return 'The LLM is off for this project: turn on "Use an LLM" to send redacted prompts through the relay.';
	if (!ctx.relay) return 'The LLM is reached through the relay with a room token: share this project first.';
	return null;
}

/**
 * Calls the LLM with a prompt's current version and records one `llm-call` event (prompt id and
 * version, model, counts; never the text), also when the call fails.
 */
export async function askLlm(
	ctx: LlmContext,
	feature: string,
	prompt: Prompt,
	vars: Readonly<Record<string, string>>,
	items: number,
	onText?: (text: string) => void
): Promise<ChatResult & { version: number }> {
	const why = llmUnavailable(ctx);
	if (why || !ctx.relay) throw new Error(why ?? 'no relay');
	const built = promptMessages(prompt, ctx.language, vars);
	const event = (r: Partial<ChatResult>, ok: boolean) =>
		ctx.record({
			feature,
			prompt: built.prompt,
			version: built.version,
			model: r.model || ctx.model || 'relay default',
			via: 'llm',
			items,
			redacted: r.redacted ?? {},
			sentChars: built.messages.reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 0), 0),
			receivedChars: r.receivedChars ?? 0,
			ok
		});
	try {
		const result = await chatViaRelay(ctx.relay, built.messages, { model: ctx.model || undefined, onText });
		await event(result, true);
		return { ...result, version: built.version };
	} catch (error) {
		await event({}, false);
		throw error;
	}
}
