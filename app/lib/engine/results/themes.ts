import type { SqlDb } from '../sql/db';
import type { Frag } from '../sql/frag';
import { distinctAnswers } from '../text/distinct-answers';
import { questionThemes } from '../text/themes/question';
import type { ThemeOptions } from '../text/themes';

/** RESULT's theme entry (SPEC §7). */
export interface ThemeSummary {
	label: string;
	terms: string[];
	count: number;
}

/** The themes of each open end (SPEC §5b "Open-end coding"), for RESULT `openEnds`. */
export async function openEndThemes(
	ctx: { db: SqlDb; isMissing(name: string): Frag },
	openEnds: readonly string[],
	opts: Omit<ThemeOptions, 'stopWords'> = {}
): Promise<Record<string, ThemeSummary[]>> {
	const out: Record<string, ThemeSummary[]> = {};
	for (const name of openEnds) {
		const { texts, start } = await distinctAnswers(ctx, name);
		const counts = Int32Array.from(texts, (_, k) => start[k + 1] - start[k]);
		const { themes } = await questionThemes(texts, counts, opts);
		out[name] = themes.map(({ label, terms, count }) => ({ label, terms, count }));
	}
	return out;
}

type OpenEnds = Record<string, { languages?: Record<string, number>; themes?: ThemeSummary[] }>;

/** Languages (from the language check) and themes of each open end, in one RESULT `openEnds`. */
export function withThemes(openEnds: OpenEnds | null, themes: Record<string, ThemeSummary[]>): OpenEnds | null {
	const out: OpenEnds = { ...openEnds };
	for (const [name, list] of Object.entries(themes)) out[name] = { ...out[name], themes: list };
	return Object.keys(out).length ? out : null;
}
