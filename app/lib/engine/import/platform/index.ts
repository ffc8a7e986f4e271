import type { Dictionary, MultipleResponseSet, Variable } from '../../../dataset/dictionary';
import type { SqlDb } from '../../sql/db';
import { ident, rows, sql } from '../../sql/frag';
import { DATA_TABLE } from '../finish';
import { detectMrSets } from './mr-sets';
import { codeOptionGroups } from './option-sets';
import { legacyQualtricsHeader, qualtricsHeader } from './qualtrics';
import { surveyMonkeyHeader } from './surveymonkey';
import type { HeaderPlan } from './types';

export type { HeaderPlan } from './types';

/** Header rows to read before deciding where the data starts. */
export const HEADER_ROWS = 3;

/**
 * A survey platform's multi-row header, from the first row and up to two rows after it
 * (cells as text); null for an ordinary one-row header.
 */
export function platformHeader(names: string[], next: string[][]): HeaderPlan | null {
	return qualtricsHeader(names, next) ?? legacyQualtricsHeader(names, next) ?? surveyMonkeyHeader(names, next);
}

/**
 * After typing: labels and attributes from the header rows, the platform's timestamps typed,
 * select-multiple option columns coded 0/1 (SurveyMonkey) and gathered into multiple-response sets.
 */
export async function finishPlatform(db: SqlDb, dictionary: Dictionary, plan: HeaderPlan | null): Promise<Dictionary> {
	let variables = dictionary.variables;
	const warnings = [...dictionary.warnings];
	const sets: MultipleResponseSet[] = [];
	if (plan) {
		variables = variables.map((v, i) => {
			const attrs = plan.attributes[i];
			return { ...v, label: plan.labels[i] ?? v.label, ...(attrs ? { attributes: { ...v.attributes, ...attrs } } : {}) };
		});
		if (plan.datetimes) variables = await typeDatetimes(db, variables, plan.datetimes);
		if (plan.optionGroups) {
			const coded = await codeOptionGroups(db, variables, plan.optionGroups);
			variables = coded.variables;
			sets.push(...coded.sets);
		}
		warnings.push(plan.warning);
	}
	const out: Dictionary = { ...dictionary, variables, warnings };
	sets.push(...(await detectMrSets(db, out)));
	return sets.length ? { ...out, mrSets: [...(dictionary.mrSets ?? []), ...sets] } : out;
}

/** Text columns whose every value parses with one of the formats become timestamps. */
async function typeDatetimes(db: SqlDb, variables: Variable[], d: NonNullable<HeaderPlan['datetimes']>): Promise<Variable[]> {
	const out = [...variables];
	for (const i of d.columns) {
		const v = out[i];
		if (!v || v.type !== 'string') continue;
		const c = ident(v.name);
		for (const format of d.formats) {
			const [r] = await rows<{ n: number; ok: number }>(
				db,
				sql`SELECT count(${c}) AS n, count(try_strptime(${c}, ${format})) AS ok FROM ${ident(DATA_TABLE)}`
			);
			if (r.n === 0 || r.ok !== r.n) continue;
			// DDL takes no bound parameters; the format is one of ours, never user text
			await db.exec(`ALTER TABLE ${ident(DATA_TABLE).text} ALTER ${c.text} TYPE TIMESTAMP USING strptime(${c.text}, '${format}')`);
			out[i] = { ...v, type: 'datetime', width: 8, format: 'YMDHMS19', measure: 'scale' };
			break;
		}
	}
	return out;
}
