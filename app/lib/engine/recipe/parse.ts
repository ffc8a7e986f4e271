import { PII_KINDS } from '../../text/pii';
import type { Recipe, RecipeStep, RecipeValue } from './types';

/** A recipe file that is not a valid RECIPE; the message names the step and field. */
export class RecipeError extends Error {
	override name = 'RecipeError';
}

const NOTE_FIELDS = ['reason', 'author', 'time'] as const;
const FIELDS: Record<RecipeStep['action'], { required: string[]; optional: string[] }> = {
	exclude: { required: ['respondent'], optional: [] },
	keep: { required: ['respondent'], optional: [] },
	'set-missing': { required: ['variable'], optional: ['respondent', 'from'] },
	'edit-value': { required: ['respondent', 'variable', 'value'], optional: [] },
	recode: { required: ['variable', 'from', 'to'], optional: ['label'] },
	'merge-categories': { required: ['variable', 'from', 'to'], optional: ['label'] },
	'mask-pii': { required: ['variable'], optional: ['kinds'] }
};

/**
 * Validates parsed RECIPE JSON (SPEC §7). Only the shape is checked here; whether a step fits a
 * dataset (its respondent, variable and value types) is decided when it is applied.
 * @example const recipe = parseRecipe(JSON.parse(text));
 */
export function parseRecipe(json: unknown): Recipe {
	if (!isObject(json)) throw new RecipeError('recipe: expected a JSON object');
	if (json.version !== 1) throw new RecipeError(`recipe: "version" must be 1, got ${JSON.stringify(json.version)}`);
	// `dataset` is optional (SPEC §7): a recipe written by hand or for a new wave replays with a note
	if (
		json.dataset !== undefined &&
		(!isObject(json.dataset) || typeof json.dataset.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(json.dataset.sha256))
	)
		throw new RecipeError('recipe: "dataset.sha256" must be 64 hex digits');
	if (!Array.isArray(json.steps)) throw new RecipeError('recipe: "steps" must be a list');
	const steps = json.steps.map((s, i) => parseStep(s, i));
	const sha256 = isObject(json.dataset) ? String(json.dataset.sha256).toLowerCase() : null;
	return sha256 ? { version: 1, dataset: { sha256 }, steps } : { version: 1, steps };
}

function parseStep(raw: unknown, i: number): RecipeStep {
	const at = `recipe step ${i}`;
	if (!isObject(raw)) throw new RecipeError(`${at}: expected an object`);
	const action = raw.action;
	if (typeof action !== 'string' || !(action in FIELDS))
		throw new RecipeError(`${at}: "action" must be one of ${Object.keys(FIELDS).join(', ')}, got ${JSON.stringify(action)}`);
	const spec = FIELDS[action as RecipeStep['action']];
	const allowed = new Set(['action', ...spec.required, ...spec.optional, ...NOTE_FIELDS]);
	for (const k of Object.keys(raw)) if (!allowed.has(k)) throw new RecipeError(`${at} (${action}): unknown field "${k}"`);
	for (const k of spec.required) if (!(k in raw)) throw new RecipeError(`${at} (${action}): "${k}" is required`);
	const field = `${at} (${action})`;
	for (const k of NOTE_FIELDS)
		if (raw[k] !== undefined && typeof raw[k] !== 'string') throw new RecipeError(`${field}: "${k}" must be text`);
	if ('respondent' in raw && !(typeof raw.respondent === 'string' || isFiniteNumber(raw.respondent)))
		throw new RecipeError(`${field}: "respondent" must be a number or text`);
	if ('variable' in raw && (typeof raw.variable !== 'string' || raw.variable === ''))
		throw new RecipeError(`${field}: "variable" must be a variable name`);
	if ('value' in raw) checkValue(raw.value, `${field}: "value"`);
	if ('to' in raw) checkValue(raw.to, `${field}: "to"`);
	if ('label' in raw && typeof raw.label !== 'string') throw new RecipeError(`${field}: "label" must be text`);
	if ('kinds' in raw && (!Array.isArray(raw.kinds) || raw.kinds.some((k) => !(PII_KINDS as readonly unknown[]).includes(k))))
		throw new RecipeError(`${field}: "kinds" must be a list of ${PII_KINDS.join(', ')}`);
	if ('from' in raw) {
		if (!Array.isArray(raw.from) || raw.from.length === 0) throw new RecipeError(`${field}: "from" must be a non-empty list`);
		raw.from.forEach((v, k) => checkValue(v, `${field}: "from[${k}]"`));
	}
	const step: Record<string, unknown> = {};
	for (const k of ['action', ...spec.required, ...spec.optional, ...NOTE_FIELDS]) if (k in raw && raw[k] !== undefined) step[k] = raw[k];
	return step as unknown as RecipeStep;
}

function checkValue(v: unknown, what: string): asserts v is RecipeValue {
	if (!(v === null || typeof v === 'string' || isFiniteNumber(v))) throw new RecipeError(`${what} must be a number, text or null`);
}

function isFiniteNumber(v: unknown): v is number {
	return typeof v === 'number' && Number.isFinite(v);
}

function isObject(v: unknown): v is Record<string, unknown> {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}
