import type { ChatMessage } from '../../../server/protocol/llm';
import { renderBody } from '../prompts/template';
import { resolveVariant } from '../prompts/history';
import type { Prompt } from '../prompts/types';

/** A prompt's current version filled in for `lang`, with what the audit event cites. */
export function promptMessages(prompt: Prompt, lang: string, vars: Readonly<Record<string, string>>) {
	const version = prompt.current;
	const variant = resolveVariant(version, lang);
	const body = renderBody(
		variant.body,
		{ language: languageName(lang), ...vars },
		`prompt ${prompt.definition.id} v${version.number} (${variant.lang})`
	);
	const messages: ChatMessage[] = [
		...(body.system.trim() ? [{ role: 'system' as const, content: body.system }] : []),
		{ role: 'user', content: body.user }
	];
	return { messages, prompt: prompt.definition.id, version: version.number, lang: variant.lang };
}

/** `de` → `German`: models follow a language name better than a tag. */
export function languageName(lang: string): string {
	try {
		return new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang;
	} catch {
		return lang;
	}
}
