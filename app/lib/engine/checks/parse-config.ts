import { z } from 'zod';
import { configSchema, type SieveConfig } from './config';
import { STANDARD_CHECKS } from './registry';
import type { Check } from './types';

/** Parameters that belong to no single check: the careless indices every grid check shares. */
const SHARED: Record<string, Record<string, 'number'>> = { careless: { psychsynCritval: 'number' } };
const SEVERITIES = ['info', 'warning', 'error'];

/**
 * Validates the parsed JSON of a CONFIG file: its shape (the schema), then every
 * `checks.<id>.<param>` against that check's parameter specification. The error names each bad
 * field, e.g. `config: checks.speeders.fraction: must be between 0 and 1`.
 * @example const config = parseConfig(JSON.parse(text));
 */
export function parseConfig(json: unknown): SieveConfig {
	const parsed = configSchema.safeParse(json);
	if (!parsed.success) throw new Error(`config: ${issues(parsed.error)}`);
	const problems = paramProblems(parsed.data);
	if (problems.length) throw new Error(`config: ${problems.join('; ')}`);
	if (
		parsed.data.scoring?.review !== undefined &&
		parsed.data.scoring.remove !== undefined &&
		parsed.data.scoring.remove > parsed.data.scoring.review
	)
		throw new Error('config: scoring.remove must not be above scoring.review');
	return parsed.data;
}

function issues(error: z.ZodError): string {
	return error.issues
		.slice(0, 5)
		.map((i) => `${i.path.length ? i.path.map(String).join('.') : '(top level)'}: ${i.message}`)
		.join('; ');
}

function paramProblems(config: SieveConfig): string[] {
	const out: string[] = [];
	const checks = new Map<string, Check>(STANDARD_CHECKS.map((c) => [c.id, c]));
	for (const [id, params] of Object.entries(config.checks ?? {})) {
		const check = checks.get(id);
		const shared = SHARED[id];
		if (!check && !shared) {
			out.push(`checks.${id}: no such check (known: ${[...checks.keys(), ...Object.keys(SHARED)].join(', ')})`);
			continue;
		}
		for (const [name, value] of Object.entries(params)) {
			const at = `checks.${id}.${name}`;
			if (name === 'severity' && check) {
				if (typeof value !== 'string' || !SEVERITIES.includes(value)) out.push(`${at}: must be one of ${SEVERITIES.join(', ')}`);
				continue;
			}
			const spec = check ? check.params[name] : shared[name] ? { type: shared[name], min: undefined, max: undefined } : undefined;
			if (!spec) {
				out.push(
					`${at}: no such parameter (known: ${[...Object.keys(check?.params ?? shared), ...(check ? ['severity'] : [])].join(', ')})`
				);
				continue;
			}
			if (value === null) continue;
			if (spec.type === 'number') {
				if (typeof value !== 'number' || !Number.isFinite(value)) out.push(`${at}: must be a number`);
				else if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))
					out.push(`${at}: must be between ${spec.min ?? '-∞'} and ${spec.max ?? '∞'}`);
			} else if (spec.type === 'boolean' && typeof value !== 'boolean') out.push(`${at}: must be true or false`);
			else if (spec.type === 'string' && typeof value !== 'string') out.push(`${at}: must be text`);
			else if (spec.type === 'string[]' && !Array.isArray(value)) out.push(`${at}: must be a list of text`);
		}
	}
	return out;
}
