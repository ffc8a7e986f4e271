/** The two parts of one prompt in one language; `{{name}}` marks a variable. */
export interface PromptBody {
	system: string;
	user: string;
}

/** What a prompt is for and which variables its templates may use; fixed by the app. */
export interface PromptDefinition {
	/** stable kebab-case id, cited in audit events with the version */
	id: string;
	title: string;
	/** variables the feature fills in; a template may use any of them */
	variables: readonly string[];
}

/**
 * One immutable version of a prompt, as stored in Dexie and in the project doc. Versions are
 * never changed or removed: an edit or a rollback adds one, so concurrent edits both survive.
 */
export interface PromptVersionRecord {
	/** unique id; the built-in version 1 is `builtin:<promptId>` */
	id: string;
	promptId: string;
	/** the version this one was edited from (its record id); null for the built-in */
	parent: string | null;
	/** ISO-8601 */
	at: string;
	by: string;
	note: string;
	/** language of the variant used when no other fits */
	defaultLang: string;
	/** per-language variants, keyed by BCP 47 tag (`en`, `de`, `pt-BR`) */
	variants: Record<string, PromptBody>;
	/** set when this version restores an older one: that version's id (numbers can shift when concurrent edits merge) */
	rollbackOf?: string;
}

/** A version with its place in the history. */
export interface PromptVersion extends PromptVersionRecord {
	/** 1 for the built-in, then in order of creation */
	number: number;
}

/** A prompt with its whole history; `current` is the newest version. */
export interface Prompt {
	definition: PromptDefinition;
	versions: PromptVersion[];
	current: PromptVersion;
}
