import type { MultipleResponseSet, Variable } from '../../../dataset/dictionary';
import type { SqlDb } from '../../sql/db';
import { ident, join, rows, sql, type Frag } from '../../sql/frag';
import { DATA_TABLE } from '../finish';
import type { HeaderPlan } from './types';

type OptionGroup = NonNullable<HeaderPlan['optionGroups']>[number];

const filled = (c: Frag) => sql`coalesce(trim(${c}), '') <> ''`;
const answered = (v: Variable) => (v.type === 'string' ? filled(ident(v.name)) : sql`${ident(v.name)} IS NOT NULL`);

/**
 * SurveyMonkey writes a select-all-that-apply question as one text column per option holding the
 * option's own text when ticked. Those columns (two or more per question; "Other (please specify)"
 * holds free text and stays as it is) become 1 = ticked, 0 = not ticked by a respondent who
 * answered the question, missing = question skipped, and one dichotomy set. Grid rows, whose
 * answers differ from their sub-header, are left alone.
 */
export async function codeOptionGroups(
	db: SqlDb,
	variables: Variable[],
	groups: readonly OptionGroup[]
): Promise<{ variables: Variable[]; sets: MultipleResponseSet[] }> {
	const out = [...variables];
	const sets: MultipleResponseSet[] = [];
	const table = ident(DATA_TABLE);
	for (const g of groups) {
		const vars = g.columns.map((c) => out[c]);
		const text = g.columns.map((c, i) => ({ c, i })).filter(({ c }) => out[c].type === 'string');
		if (text.length < 2) continue;
		const tests = text.map(({ c, i }) => {
			const col = ident(out[c].name);
			return sql`count_if(${filled(col)} AND trim(${col}) <> ${g.options[i]}) AS ${ident(`other${i}`)}, count_if(${filled(col)}) AS ${ident(`n${i}`)}`;
		});
		const [r] = await rows<Record<string, number>>(db, sql`SELECT ${join(tests)} FROM ${table}`);
		const ticks = text.filter(({ i }) => Number(r[`other${i}`]) === 0 && Number(r[`n${i}`]) > 0).map(({ c }) => c);
		if (ticks.length < 2) continue;
		const flag = ident('__sieve_answered');
		const anyAnswer = join(vars.map(answered), ' OR ');
		// DDL takes no bound values: only our quoted identifiers reach it
		await db.exec(`ALTER TABLE ${table.text} ADD COLUMN ${flag.text} BOOLEAN`);
		await db.exec(`UPDATE ${table.text} SET ${flag.text} = ${anyAnswer.text}`);
		for (const c of ticks) {
			const v = out[c];
			const col = ident(v.name);
			await db.exec(
				`ALTER TABLE ${table.text} ALTER ${col.text} TYPE DOUBLE USING CASE WHEN ${filled(col).text} THEN 1 WHEN ${flag.text} THEN 0 END`
			);
			const option = g.options[g.columns.indexOf(c)];
			out[c] = { ...v, type: 'numeric', width: 8, format: 'F1.0', measure: 'nominal', valueLabels: { '0': 'Not selected', '1': option } };
		}
		await db.exec(`ALTER TABLE ${table.text} DROP COLUMN ${flag.text}`);
		sets.push({ name: `$${g.name}`, label: g.label, kind: 'dichotomy', countedValue: '1', variables: ticks.map((c) => out[c].name) });
	}
	return { variables: out, sets };
}
