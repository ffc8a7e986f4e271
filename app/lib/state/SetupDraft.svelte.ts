import type { Dictionary } from '../dataset/dictionary';
import type { AttentionConfig, RuleConfig, SieveConfig, SurveyRoles } from '../engine/api';

export const ROLE_FIELDS = [
	['id', 'Respondent id'],
	['weight', 'Weight'],
	['start', 'Start time'],
	['end', 'End time'],
	['duration', 'Duration'],
	['ip', 'IP address'],
	['userAgent', 'User agent']
] as const;

export type RoleField = (typeof ROLE_FIELDS)[number][0];

export interface GridDraft {
	name: string;
	items: string;
	scaleMin: number | null;
	scaleMax: number | null;
	reversed: string;
}

/** An attention check as edited: the variable and its passing answer(s), comma-separated. */
export interface AttentionDraft {
	variable: string;
	expected: string;
}

const code = (s: string): number | string => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);

function expectedOf(text: string): AttentionConfig['expected'] | null {
	const codes = text
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean)
		.map(code);
	return codes.length === 0 ? null : codes.length === 1 ? codes[0] : codes;
}

const list = (text: string) =>
	text
		.split(/[\s,]+/)
		.map((s) => s.trim())
		.filter(Boolean);

/** An editable copy of the project's check settings, seeded from what was detected. */
export class SetupDraft {
	roles = $state<Record<RoleField, string>>({ id: '', weight: '', start: '', end: '', duration: '', ip: '', userAgent: '' });
	screeners = $state<string[]>([]);
	attention = $state<AttentionDraft[]>([]);
	grids = $state<GridDraft[]>([]);
	openEnds = $state<string[]>([]);
	rules = $state<RuleConfig[]>([]);
	skips = $state<string[]>([]);
	speederFraction = $state(0.3);
	review = $state(85);
	remove = $state(50);
	#base: SieveConfig = {};

	/** Fills the draft from saved settings, falling back to detected roles for anything unset. */
	fill(config: SieveConfig, detected: SurveyRoles): void {
		this.#base = config;
		for (const [field] of ROLE_FIELDS)
			this.roles[field] = (config[field] as string | undefined) ?? (detected[field] as string | null) ?? '';
		const grids =
			config.grids ?? detected.grids.map((g) => ({ name: g.name, items: g.items, scale: g.scale ?? undefined, reversed: g.reversed }));
		this.grids = grids.map((g) => ({
			name: g.name,
			items: g.items.join(', '),
			scaleMin: g.scale?.[0] ?? null,
			scaleMax: g.scale?.[1] ?? null,
			reversed: (g.reversed ?? []).join(', ')
		}));
		this.openEnds = [...(config.openEnds ?? detected.openEnds)];
		this.screeners = [...(config.screeners ?? detected.screeners)];
		this.attention = config.attentionChecks
			? config.attentionChecks.map((a) => ({ variable: a.variable, expected: [a.expected].flat().join(', ') }))
			: detected.attentionChecks.map((variable) => ({ variable, expected: '' }));
		this.rules = (config.rules ?? []).map((r) => ({ ...r }));
		this.skips = [...(config.skips ?? [])];
		this.speederFraction = Number(config.checks?.speeders?.fraction ?? 0.3);
		this.review = config.scoring?.review ?? 85;
		this.remove = config.scoring?.remove ?? 50;
	}

	/** The CONFIG of SPEC §7 the draft stands for; settings the page does not edit are kept. */
	toConfig(): SieveConfig {
		const c: SieveConfig = { ...this.#base };
		for (const [field] of ROLE_FIELDS) {
			if (this.roles[field]) c[field] = this.roles[field];
			else delete c[field];
		}
		const old = new Map((this.#base.grids ?? []).map((g) => [g.name, g]));
		c.grids = this.grids
			.filter((g) => g.name.trim() && list(g.items).length)
			.map((g) => ({
				...old.get(g.name.trim()),
				name: g.name.trim(),
				items: list(g.items),
				...(g.scaleMin !== null && g.scaleMax !== null ? { scale: [g.scaleMin, g.scaleMax] as [number, number] } : {}),
				reversed: list(g.reversed)
			}));
		c.openEnds = [...this.openEnds];
		c.screeners = [...this.screeners];
		const attention = this.attention.flatMap((a) => {
			const expected = expectedOf(a.expected);
			return a.variable && expected !== null ? [{ variable: a.variable, expected }] : [];
		});
		// a check without its passing answer cannot be scored: leave those to detection
		if (attention.length) c.attentionChecks = attention;
		else delete c.attentionChecks;
		c.rules = this.rules.filter((r) => r.when.trim()).map((r) => ({ ...r, when: r.when.trim() }));
		c.skips = this.skips.map((s) => s.trim()).filter(Boolean);
		c.checks = { ...c.checks, speeders: { ...c.checks?.speeders, fraction: this.speederFraction } };
		c.scoring = { ...c.scoring, review: this.review, remove: this.remove };
		return c;
	}

	/** Variables named in the draft that the dictionary lacks, with where they appear. */
	unknownVariables(dictionary: Dictionary): string[] {
		const names = new Set(dictionary.variables.map((v) => v.name));
		const out: string[] = [];
		for (const [field, label] of ROLE_FIELDS)
			if (this.roles[field] && !names.has(this.roles[field])) out.push(`${label}: ${this.roles[field]}`);
		for (const v of this.screeners) if (!names.has(v)) out.push(`screener: ${v}`);
		for (const a of this.attention) if (a.variable && !names.has(a.variable)) out.push(`attention check: ${a.variable}`);
		for (const g of this.grids)
			for (const item of [...list(g.items), ...list(g.reversed)]) if (!names.has(item)) out.push(`grid ${g.name}: ${item}`);
		return out;
	}
}
