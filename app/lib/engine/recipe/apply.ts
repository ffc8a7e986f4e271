import type { Dictionary, Variable } from '../../dataset/dictionary';
import { ROW_COLUMN } from '../../io/arrow-ipc';
import type { SqlDb, SqlValue } from '../sql/db';
import { quoteIdent } from '../sql/quote';
import { maskPii } from '../../text/pii';
import { sqlTypeOf } from './coerce';
import { idTypeOf, planRecipe, recipeRespondents, type Op } from './plan';
import { respondentRows } from './respondent-rows';
import type { ApplyResult, Recipe } from './types';

export const CLEANED_TABLE = 'cleaned';
const EXCLUDED_TABLE = 'sieve_recipe_excluded';
const CHUNK = 400;
const MAX_STRING_WIDTH = 32767;

export interface ApplyOptions {
	/** Variable whose values `respondent` refers to; `__row` when the file has none. */
	idVariable: string;
	/** Table holding the imported rows (default `data`). */
	source?: string;
}

/**
 * Builds `cleaned` from `data` and the recipe's steps in order: cells set to NULL or edited,
 * categories recoded or merged, excluded respondents left out. A view when no value changes, else
 * a table. Steps that do not fit this dataset are reported, never fatal.
 * @example const { table, report } = await applyRecipe(db, dictionary, recipe, { idVariable: 'rid' });
 */
export async function applyRecipe(db: SqlDb, dictionary: Dictionary, recipe: Recipe, opts: ApplyOptions): Promise<ApplyResult> {
	const source = opts.source ?? 'data';
	const idType = idTypeOf(dictionary, opts.idVariable);
	const rowsOf = await respondentRows(
		db,
		source,
		opts.idVariable,
		recipeRespondents(recipe, idType).filter((v) => v !== null)
	);
	const plan = planRecipe({ recipe, dictionary, idVariable: opts.idVariable, rowsOf });
	const excludedRows = [...plan.excluded].filter(([, x]) => x).map(([r]) => r);
	const kept = [...plan.excluded]
		.filter(([, x]) => !x)
		.map(([r]) => r)
		.sort((a, b) => a - b);

	await dropRelation(db, CLEANED_TABLE);
	await db.exec(`CREATE OR REPLACE TABLE ${EXCLUDED_TABLE} (${ROW_COLUMN} INTEGER)`);
	for (let i = 0; i < excludedRows.length; i += CHUNK) {
		const part = excludedRows.slice(i, i + CHUNK);
		await db.query(`INSERT INTO ${EXCLUDED_TABLE} VALUES ${part.map(() => '(?)').join(', ')}`, part);
	}
	const notExcluded = `${ROW_COLUMN} NOT IN (SELECT ${ROW_COLUMN} FROM ${EXCLUDED_TABLE})`;
	let out = plan.dictionary;
	if (plan.ops.length === 0) {
		await db.exec(`CREATE VIEW ${CLEANED_TABLE} AS SELECT * FROM ${quoteIdent(source)} WHERE ${notExcluded}`);
	} else {
		await db.exec(`CREATE TABLE ${CLEANED_TABLE} AS SELECT * FROM ${quoteIdent(source)} WHERE ${notExcluded} ORDER BY ${ROW_COLUMN}`);
		for (const op of plan.ops) await runOp(db, op);
		out = await fitStringWidths(db, out, plan.ops);
	}
	const rows = Number((await db.query(`SELECT count(*)::INTEGER AS n FROM ${CLEANED_TABLE}`)).get(0)!.n);
	return { table: CLEANED_TABLE, dictionary: out, report: { applied: plan.applied, skipped: plan.skipped }, kept, rows };
}

async function runOp(db: SqlDb, op: Op): Promise<void> {
	const col = quoteIdent(op.variable.name);
	const type = sqlTypeOf(op.variable.type);
	switch (op.kind) {
		case 'clear':
			await db.exec(`UPDATE ${CLEANED_TABLE} SET ${col} = NULL`);
			return;
		case 'recode': {
			const from = op.from.filter((v) => v !== null);
			if (from.length === 0) return;
			const list = from.map(() => `CAST(? AS ${type})`).join(', ');
			await db.query(`UPDATE ${CLEANED_TABLE} SET ${col} = CAST(? AS ${type}) WHERE ${col} IN (${list})`, [op.to, ...from]);
			return;
		}
		case 'mask': {
			const t = await db.query(`SELECT DISTINCT ${col} AS t FROM ${CLEANED_TABLE} WHERE ${col} IS NOT NULL`);
			const tc = t.getChild('t')!;
			const pairs: SqlValue[][] = [];
			for (let i = 0; i < t.numRows; i++) {
				const text = String(tc.get(i));
				const masked = maskPii(text, { kinds: op.kinds });
				if (masked !== text) pairs.push([text, masked]);
			}
			for (let i = 0; i < pairs.length; i += CHUNK) {
				const part = pairs.slice(i, i + CHUNK);
				await db.query(
					`UPDATE ${CLEANED_TABLE} SET ${col} = m.v FROM (VALUES ${part.map(() => '(?, ?)').join(', ')}) AS m(o, v) WHERE ${CLEANED_TABLE}.${col} = m.o`,
					part.flat()
				);
			}
			return;
		}
		case 'cells': {
			const edits = [...op.edits];
			for (let i = 0; i < edits.length; i += CHUNK) {
				const part = edits.slice(i, i + CHUNK);
				const values = part.map(() => `(CAST(? AS INTEGER), CAST(? AS ${type}))`).join(', ');
				await db.query(
					`UPDATE ${CLEANED_TABLE} SET ${col} = m.v FROM (VALUES ${values}) AS m(r, v) WHERE ${CLEANED_TABLE}.${ROW_COLUMN} = m.r`,
					part.flat() as SqlValue[]
				);
			}
		}
	}
}

/** Widens string variables whose edited or recoded values no longer fit their declared width. */
async function fitStringWidths(db: SqlDb, dictionary: Dictionary, ops: Op[]): Promise<Dictionary> {
	const touched = [...new Set(ops.filter((o) => o.variable.type === 'string').map((o) => o.variable.name))];
	if (touched.length === 0) return dictionary;
	const t = await db.query(
		`SELECT ${touched.map((n, i) => `max(strlen(${quoteIdent(n)}))::INTEGER AS w${i}`).join(', ')} FROM ${CLEANED_TABLE}`
	);
	const row = t.get(0)!.toJSON();
	const widths = new Map(touched.map((n, i) => [n, Number(row[`w${i}`] ?? 0)]));
	return {
		...dictionary,
		variables: dictionary.variables.map((v): Variable => {
			const w = Math.min(MAX_STRING_WIDTH, widths.get(v.name) ?? 0);
			if (w <= v.width) return v;
			return { ...v, width: w, format: `A${w}`, ...(v.writeFormat ? { writeFormat: `A${w}` } : {}) };
		})
	};
}

async function dropRelation(db: SqlDb, name: string): Promise<void> {
	const t = await db.query(`SELECT table_type FROM information_schema.tables WHERE table_name = ?`, [name]);
	if (t.numRows === 0) return;
	const kind = String(t.get(0)!.table_type) === 'VIEW' ? 'VIEW' : 'TABLE';
	await db.exec(`DROP ${kind} ${quoteIdent(name)}`);
}
