import { builtinVersion, PROMPT_DEFINITIONS, promptDefinition } from './builtin';
import { buildPrompt } from './history';
import type { Prompt, PromptVersionRecord } from './types';

/** Every prompt with its history, from the stored versions of one project. */
export function buildLibrary(records: readonly PromptVersionRecord[]): Prompt[] {
	return PROMPT_DEFINITIONS.map((d) => buildPrompt(d, builtinVersion(d.id), records));
}

/** One prompt with its history. */
export function getPrompt(promptId: string, records: readonly PromptVersionRecord[]): Prompt {
	return buildPrompt(promptDefinition(promptId), builtinVersion(promptId), records);
}
