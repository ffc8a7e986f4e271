/** The kinds of personal data the detector knows; placeholders are their upper-case names (SPEC §6 LLM). */
export const PII_KINDS = ['email', 'url', 'iban', 'card', 'ip', 'id', 'phone', 'address', 'name'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

/** One piece of personal data in a text: `text.slice(start, end)`. */
export interface PiiMatch {
	kind: PiiKind;
	start: number;
	end: number;
	/** What was recognised: 'iban DE', 'card visa', 'id nl-bsn', 'name cue', … (never the value). */
	detail: string;
}

export interface PiiOptions {
	/** Kinds to look for; all when absent. */
	kinds?: readonly PiiKind[];
	/** ISO 3166 countries whose national phone formats are tried (international +… numbers always are). */
	phoneCountries?: readonly string[];
}
