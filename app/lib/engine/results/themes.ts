import type { SqlDb } from '../sql/db';
import type { Frag } from '../sql/frag';
import { distinctAnswers } from '../text/distinct-answers';
import { questionThemes } from '../text/themes/question';
import type { Theme, ThemeOptions } from '../text/themes';

/** RESULT's theme entry (SPEC §7). */
export interface ThemeSummary {
	label: string;
	terms: string[];
	count: number;
}

/** One open end's themes as the app shows them. */
export interface OpenEndThemes {
	themes: Theme[];
	/** The languages whose function words were left out. */
	languages: string[];
	/** Respondents who answered; those in no theme gave a non-answer or shared no term with the others. */
	answered: number;
	unthemed: number;
	silhouette: number;
}

type Ctx = { db: SqlDb; isMissing(name: string): Frag };

export async function variableThemes(ctx: Ctx, name: string, opts: Omit<ThemeOptions, 'stopWords'> = {}): Promise<OpenEndThemes> {
	const { texts, start } = await distinctAnswers(ctx, name);
	const counts = Int32Array.from(texts, (_, k) => start[k + 1] - start[k]);
	const r = await questionThemes(texts, counts, opts);
	const answered = start[texts.length];
	const themed = r.themes.reduce((n, t) => n + t.count, 0);
	return { themes: r.themes, languages: r.languages, answered, unthemed: answered - themed, silhouette: r.silhouette };
}

/** The themes of each open end (SPEC §5b "Open-end coding"), for RESULT `openEnds`. */
export async function openEndThemes(
	ctx: Ctx,
	openEnds: readonly string[],
	opts: Omit<ThemeOptions, 'stopWords'> = {}
): Promise<Record<string, ThemeSummary[]>> {
	const out: Record<string, ThemeSummary[]> = {};
	for (const name of openEnds)
		out[name] = (await variableThemes(ctx, name, opts)).themes.map(({ label, terms, count }) => ({ label, terms, count }));
	return out;
}

type OpenEnds = Record<string, { languages?: Record<string, number>; themes?: ThemeSummary[] }>;

/** Languages (from the language check) and themes of each open end, in one RESULT `openEnds`. */
export function withThemes(openEnds: OpenEnds | null, themes: Record<string, ThemeSummary[]>): OpenEnds | null {
	const out: OpenEnds = { ...openEnds };
	for (const [name, list] of Object.entries(themes)) out[name] = { ...out[name], themes: list };
	return Object.keys(out).length ? out : null;
}
