import type { Dictionary, Variable } from '../dataset/dictionary';
import { coerceRespondent, coerceValue } from '../engine/recipe/coerce';
import type { Recipe, RecipeStep } from '../engine/recipe/types';
import type { SqlValue } from '../engine/sql/db';

const DROP = 'sieve_drop';

/** An SPSS string literal: single quotes doubled; null when it cannot be one line of syntax. */
function literal(text: string): string | null {
	return /[\r\n]/.test(text) ? null : `'${text.replaceAll("'", "''")}'`;
}

/** A comment on one line; SPSS ends a comment at a period that ends a line, so text never ends a line. */
const comment = (text: string) => `* ${text.replace(/\s+/g, ' ').trim()} .`;

const byteLength = (s: string) => new TextEncoder().encode(s).length;

/** The value as SPSS syntax for this variable: a number, a quoted string, or DATE.DMY (+ TIME.HMS). */
function valueSyntax(v: Variable, x: SqlValue): string | null {
	if (x === null) return v.type === 'string' ? "''" : '$SYSMIS';
	if (v.type === 'string') return literal(String(x));
	if (v.type === 'date' || v.type === 'datetime') {
		const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?))?$/.exec(String(x));
		if (!m) return null;
		const day = `DATE.DMY(${Number(m[3])}, ${Number(m[2])}, ${Number(m[1])})`;
		return m[4] === undefined ? day : `${day} + TIME.HMS(${Number(m[4])}, ${Number(m[5])}, ${Number(m[6])})`;
	}
	return String(x);
}

interface Context {
	dictionary: Dictionary;
	idVariable: string;
	variables: Map<string, Variable>;
}

/** The step as syntax lines, or the reason it does not apply to this file. */
function stepSyntax(s: RecipeStep, ctx: Context): string[] | string {
	const id = ctx.variables.get(ctx.idVariable);
	const who = (respondent: string | number) => {
		const key = id ? coerceRespondent(id.type, respondent) : undefined;
		const text = key === undefined || !id ? null : valueSyntax(id, key);
		return text === null ? null : `(${ctx.idVariable} = ${text})`;
	};
	if (s.action === 'exclude' || s.action === 'keep') {
		const cond = who(s.respondent);
		return cond
			? [`IF ${cond} ${DROP} = ${s.action === 'exclude' ? 1 : 0}.`]
			: `respondent ${JSON.stringify(s.respondent)} cannot be named in syntax`;
	}
	const v = ctx.variables.get(s.variable);
	if (!v) return `variable "${s.variable}" is not in the dataset`;
	if (s.variable === ctx.idVariable) return `"${s.variable}" is the respondent id variable, which a recipe does not change`;
	const values = (xs: readonly (string | number | null)[]) => {
		const out: string[] = [];
		for (const x of xs) {
			const c = coerceValue(v, x);
			const text = c.ok ? valueSyntax(v, c.value) : null;
			if (text === null) return c.ok ? `value ${JSON.stringify(x)} cannot be written as syntax` : c.reason;
			out.push(text);
		}
		return out;
	};
	const missing = v.type === 'string' ? "''" : '$SYSMIS';
	switch (s.action) {
		case 'set-missing': {
			if (s.respondent !== undefined) {
				const cond = who(s.respondent);
				return cond ? [`IF ${cond} ${v.name} = ${missing}.`] : `respondent ${JSON.stringify(s.respondent)} cannot be named in syntax`;
			}
			if (!s.from) return [`COMPUTE ${v.name} = ${missing}.`];
			const from = values(s.from.filter((x) => x !== null));
			return typeof from === 'string' ? from : from.length ? [`IF (ANY(${v.name}, ${from.join(', ')})) ${v.name} = ${missing}.`] : [];
		}
		case 'edit-value': {
			const cond = who(s.respondent);
			const x = values([s.value]);
			if (typeof x === 'string') return x;
			return cond ? [`IF ${cond} ${v.name} = ${x[0]}.`] : `respondent ${JSON.stringify(s.respondent)} cannot be named in syntax`;
		}
		case 'recode':
		case 'merge-categories': {
			const xs = values([...s.from.filter((x) => x !== null), s.to]);
			if (typeof xs === 'string') return xs;
			const to = xs.pop()!;
			if (!xs.length) return [];
			const lines = [`IF (ANY(${v.name}, ${xs.join(', ')})) ${v.name} = ${to}.`];
			const label = s.label === undefined ? null : literal(s.label);
			if (label && s.to !== null) lines.push(`ADD VALUE LABELS ${v.name} ${to} ${label}.`);
			return lines;
		}
		case 'mask-pii':
			// finding personal data in free text needs Sieve's detector, which syntax cannot express
			return 'masking personal data in open ends has no SPSS syntax; export the masked file from Sieve';
	}
}

/** String variables an edit or recode writes longer values into than their declared width (bytes). */
function widenings(recipe: Recipe, variables: Map<string, Variable>): Map<string, number> {
	const out = new Map<string, number>();
	for (const s of recipe.steps) {
		const value = s.action === 'edit-value' ? s.value : s.action === 'recode' || s.action === 'merge-categories' ? s.to : null;
		const v = 'variable' in s ? variables.get(s.variable) : undefined;
		if (value === null || !v || v.type !== 'string') continue;
		const w = byteLength(String(value));
		if (w > Math.max(v.width, out.get(v.name) ?? 0)) out.set(v.name, w);
	}
	return out;
}

/**
 * The recipe as SPSS syntax (PSPP 1.6 and SPSS) that turns the original file into the cleaned data
 * `sieve export --recipe … --no-flags` writes: steps in order, each under a comment naming its
 * reason and author; excluded respondents are dropped at the end (the last exclude or keep of a
 * respondent wins, as in the replay). A string that must grow for an edit is rebuilt wider, since
 * PSPP has no ALTER TYPE. Run it after GET FILE on the original.
 */
export function recipeSyntax(recipe: Recipe, dictionary: Dictionary, opts: { idVariable: string; file?: string }): string {
	const variables = new Map(dictionary.variables.map((v) => [v.name, v]));
	const ctx: Context = { dictionary, idVariable: opts.idVariable, variables };
	const lines = [
		comment(
			`Sieve recipe as SPSS syntax: ${recipe.steps.length} step${recipe.steps.length === 1 ? '' : 's'}${recipe.dataset ? `, made on the file with SHA-256 ${recipe.dataset.sha256}` : ''}`
		),
		comment(`Respondents are named by ${opts.idVariable}. Run after opening the original file`)
	];
	if (opts.file && /\.z?sav$/i.test(opts.file)) lines.push(`GET FILE=${literal(opts.file) ?? "''"}.`);
	else if (opts.file)
		lines.push(comment(`Open ${opts.file} first (GET DATA for text or Excel files), with the variable names Sieve shows`));
	const wider = [...widenings(recipe, variables)];
	wider.forEach(([name, w], i) => {
		lines.push(
			comment(`${name} is widened to A${w} for the values the recipe writes into it`),
			`STRING sieve_w${i} (A${w}).`,
			`COMPUTE sieve_w${i} = ${name}.`
		);
	});
	if (wider.length) {
		// the rebuilt strings take their originals' names, labels and places again
		lines.push('EXECUTE.');
		wider.forEach(([name], i) => {
			const v = variables.get(name)!;
			lines.push(`DELETE VARIABLES ${name}.`, `RENAME VARIABLES (sieve_w${i} = ${name}).`);
			const label = v.label === null ? null : literal(v.label);
			if (label) lines.push(`VARIABLE LABELS ${name} ${label}.`);
			const labels = Object.entries(v.valueLabels).flatMap(([code, text]) => {
				const [c, t] = [literal(code), literal(text)];
				return c && t ? [`${c} ${t}`] : [];
			});
			if (labels.length) lines.push(`VALUE LABELS ${name} ${labels.join(' ')}.`);
		});
		const names = dictionary.variables.map((v) => v.name);
		const rows = Array.from({ length: Math.ceil(names.length / 8) }, (_, i) => names.slice(8 * i, 8 * i + 8).join(' '));
		lines.push(`MATCH FILES /FILE=* /KEEP=${rows.join('\n  ')}.`);
	}
	lines.push(`COMPUTE ${DROP} = 0.`);
	recipe.steps.forEach((s, i) => {
		const note = [s.reason && `reason: ${s.reason}`, s.author && `by ${s.author}`, s.time].filter(Boolean).join(', ');
		const body = stepSyntax(s, ctx);
		lines.push(comment(`step ${i + 1}: ${s.action}${note ? ` (${note})` : ''}${typeof body === 'string' ? `; skipped: ${body}` : ''}`));
		if (typeof body !== 'string') lines.push(...body);
	});
	lines.push(`SELECT IF (${DROP} = 0).`, 'EXECUTE.', `DELETE VARIABLES ${DROP}.`);
	return `${lines.join('\n')}\n`;
}
