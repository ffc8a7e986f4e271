export interface Grid {
	name: string;
	/** Items in questionnaire order. */
	items: string[];
	/** Lowest and highest scale point, from value labels or the observed range. */
	scale: [number, number] | null;
	reversed: string[];
	factors: Record<string, string[]> | null;
}

export interface Demographics {
	age?: string;
	gender?: string;
	education?: string;
	income?: string;
	region?: string;
	country?: string;
	birthDate?: string;
}

/** Survey platforms whose exports Sieve recognises by their system columns. */
export type Platform = 'qualtrics' | 'surveymonkey' | 'kobo' | 'odk' | 'redcap';

/** What each variable is for, as the checks consume it. Detected, then overridden by CONFIG. */
export interface SurveyRoles {
	/** The respondent id: present and distinct in every row, else null. */
	id: string | null;
	/** An id-named variable that cannot serve as the id (repeated or empty values); also in `paradata`. */
	idLike: string | null;
	weight: string | null;
	start: string | null;
	end: string | null;
	duration: string | null;
	/** Multiply the duration variable by this to get seconds (60 for minutes). */
	durationScale: number;
	ip: string | null;
	userAgent: string | null;
	/** The interviewer / enumerator who collected the answers (reviewer calibration groups by it); kept as paradata where a platform lists it. */
	interviewer: string | null;
	grids: Grid[];
	openEnds: string[];
	screeners: string[];
	attentionChecks: string[];
	demographics: Demographics;
	/** Per-page timers (seconds), in page order. */
	pageTimes: string[];
	/** The platform whose export this is, from its system columns; null for any other file. */
	platform: Platform | null;
	/** Platform system columns that are not answers (Qualtrics Status/Progress, Kobo _index, …). */
	paradata: string[];
	/** Codes such as 98/99 or -9 inferred as missing in variables that declare none (CSV, Excel). */
	missingCodes: Record<string, number[]>;
}
