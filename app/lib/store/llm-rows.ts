import type { PromptVersionRecord } from '../prompts/types';

/** One stored prompt version of a project (the built-ins ship with the app and are never stored). */
export type PromptVersionRow = PromptVersionRecord & { projectId: string };

/** A project's "Use an LLM" switch; absent means off. */
export interface LlmSettingsRow {
	projectId: string;
	enabled: boolean;
	/** language answers are asked in (BCP 47), also the prompt variant tried first */
	language: string;
	/** the model to ask for; empty: the relay's LLM_MODEL */
	model: string;
}
