import type { Variable } from '../../dataset/dictionary';
import { isMissing } from '../dataset/missing';
import type { SqlDb } from '../sql/db';
import { Frag, ident, join, sql } from '../sql/frag';
import { insertColumns } from '../sql/typed-columns';
import { createFeatureColumns, scanText } from './features';

const CHUNK = 100_000;

/**
 * Builds `table` (`v` the open end's position in `openEnds`, `r` the `__row`, `non_answer`,
 * `gibberish`, `sentiment`, `lang` as in LANG_CODES) for every non-missing answer. Features are
 * computed once per distinct answer, a chunk of answers at a time into typed arrays, and joined back
 * in SQL, so no object per answer is kept and repeated answers cost nothing.
 */
export async function buildAnswerFeatures(db: SqlDb, openEnds: Variable[], table: string): Promise<void> {
	const name = (suffix: string) => new Frag(`${table}_${suffix}`, []);
	const [texts, cells, scores] = [name('texts'), name('cells'), name('scores')];
	const answers = join(
		openEnds.map((v, i) => sql`SELECT ${i}::SMALLINT AS v, __row AS r, ${ident(v.name)}::VARCHAR AS t FROM data WHERE NOT ${isMissing(v)}`),
		' UNION ALL '
	);
	await run(
		db,
		sql`CREATE OR REPLACE TEMP TABLE ${texts} AS SELECT t, (row_number() OVER () - 1)::INTEGER AS k FROM (SELECT DISTINCT t FROM (${answers}))`
	);
	await run(db, sql`CREATE OR REPLACE TEMP TABLE ${cells} AS SELECT a.v, a.r, x.k FROM (${answers}) a JOIN ${texts} x ON x.t = a.t`);
	const [{ n }] = (await db.query(`SELECT count(*)::INTEGER AS n FROM ${texts.text}`)).toArray();
	// one chunk at least, so that the scores table exists when there are no answers
	for (let from = 0; from === 0 || from < n; from += CHUNK) {
		const chunk = await db.query(`SELECT k, t FROM ${texts.text} WHERE k >= ? AND k < ?`, [from, from + CHUNK]);
		const out = createFeatureColumns(chunk.numRows);
		const k = new Int32Array(chunk.numRows);
		let i = 0;
		for (const batch of chunk.batches) {
			const ks = batch.getChild('k')!;
			const ts = batch.getChild('t')!;
			for (let j = 0; j < batch.numRows; j++, i++) {
				k[i] = ks.get(j);
				scanText(ts.get(j), i, out);
			}
		}
		await insertColumns(
			db,
			scores.text,
			{ k, non_answer: out.nonAnswer, gibberish: out.gibberish, sentiment: out.sentiment, lang: out.lang },
			from === 0
		);
	}
	await run(
		db,
		sql`CREATE OR REPLACE TEMP TABLE ${new Frag(table, [])} AS SELECT c.v, c.r, s.non_answer::BOOLEAN AS non_answer, s.gibberish, s.sentiment, s.lang
		    FROM ${cells} c JOIN ${scores} s ON s.k = c.k ORDER BY c.v, c.r`
	);
	await db.exec(`DROP TABLE ${texts.text}; DROP TABLE ${cells.text}; DROP TABLE ${scores.text}`);
}

async function run(db: SqlDb, f: Frag): Promise<void> {
	await db.query(f.text, [...f.params]);
}
