import type { PromptBody, PromptDefinition, PromptVersionRecord } from './types';

/** When the built-in versions were written; they are version 1 of every prompt. */
const BUILTIN_AT = '2026-12-08T00:00:00.000Z';

interface Builtin {
	definition: PromptDefinition;
	variants: Record<string, PromptBody>;
}

const BUILTINS: Builtin[] = [
	{
		definition: { id: 'explain-flags', title: "Explain a respondent's flags", variables: ['respondent', 'flags', 'language'] },
		variants: {
			en: {
				system:
					'You help survey researchers clean data. Explain quality flags in plain language for a colleague who is not a statistician. Be brief (at most 5 sentences), name each flag, and say what a researcher should look at before excluding the respondent. Placeholders such as [EMAIL_1] stand for removed personal data: keep them as they are.',
				user: 'Respondent {{respondent}} was flagged by these checks:\n{{flags}}\n\nAnswer in {{language}}.'
			},
			de: {
				system:
					'Du hilfst Umfrageforschenden beim Bereinigen von Daten. Erkläre Qualitätsmarkierungen in einfacher Sprache für eine Kollegin ohne Statistikausbildung. Fasse dich kurz (höchstens 5 Sätze), nenne jede Markierung und sage, was vor einem Ausschluss zu prüfen ist. Platzhalter wie [EMAIL_1] stehen für entfernte persönliche Daten: lass sie unverändert.',
				user: 'Befragte Person {{respondent}} wurde von diesen Prüfungen markiert:\n{{flags}}\n\nAntworte auf {{language}}.'
			}
		}
	},
	{
		definition: {
			id: 'summarise-report',
			title: 'Summarise the data-quality report',
			variables: ['dataset', 'respondents', 'flagged', 'checks', 'language']
		},
		variants: {
			en: {
				system:
					'You help survey researchers report on data quality. Summarise the check results for a project lead in one short paragraph, then list at most three next steps. Use only the numbers given; do not invent any.',
				user: 'Dataset: {{dataset}}\nRespondents: {{respondents}}\nRespondents to review or remove: {{flagged}}\n\nFlags per check:\n{{checks}}\n\nAnswer in {{language}}.'
			},
			de: {
				system:
					'Du hilfst Umfrageforschenden, über Datenqualität zu berichten. Fasse die Prüfergebnisse für die Projektleitung in einem kurzen Absatz zusammen und nenne danach höchstens drei nächste Schritte. Verwende nur die angegebenen Zahlen.',
				user: 'Datensatz: {{dataset}}\nBefragte: {{respondents}}\nZu prüfende oder zu entfernende Befragte: {{flagged}}\n\nMarkierungen je Prüfung:\n{{checks}}\n\nAntworte auf {{language}}.'
			}
		}
	},
	{
		definition: { id: 'summarise-audit', title: 'Summarise the audit log for a period', variables: ['period', 'facts', 'language'] },
		variants: {
			en: {
				system:
					'You help a survey project lead read the audit trail of a data-cleaning project. Write a short plain-language note (at most 6 sentences): what was done, by whom, and anything risky or unusual that deserves a look. Use only the facts given.',
				user: 'Audit facts for {{period}}:\n{{facts}}\n\nAnswer in {{language}}.'
			}
		}
	}
];

/** Every prompt the AI features use. */
export const PROMPT_DEFINITIONS: readonly PromptDefinition[] = BUILTINS.map((b) => b.definition);

export type PromptId = 'explain-flags' | 'summarise-report' | 'summarise-audit';

/** Version 1 of a prompt, as shipped; never stored, so an edit cannot overwrite it. */
export function builtinVersion(promptId: string): PromptVersionRecord {
	const b = BUILTINS.find((x) => x.definition.id === promptId);
	if (!b) throw new Error(`unknown prompt ${promptId}`);
	return {
		id: `builtin:${promptId}`,
		promptId,
		parent: null,
		at: BUILTIN_AT,
		by: 'Sieve',
		note: 'built-in',
		defaultLang: 'en',
		variants: structuredClone(b.variants)
	};
}

export function promptDefinition(promptId: string): PromptDefinition {
	const d = PROMPT_DEFINITIONS.find((x) => x.id === promptId);
	if (!d) throw new Error(`unknown prompt ${promptId}`);
	return d;
}
