import type { SqlDb, SqlValue } from './db';
import { quoteIdent } from './quote';

/** A piece of SQL text with its bound values, in placeholder order. */
export class Frag {
	constructor(
		readonly text: string,
		readonly params: readonly SqlValue[]
	) {}
}

type Part = Frag | SqlValue;

/** Builds SQL from a template: Frags are spliced in, every other value becomes a bound `?`. */
export function sql(strings: TemplateStringsArray, ...parts: Part[]): Frag {
	let text = strings[0];
	const params: SqlValue[] = [];
	parts.forEach((p, i) => {
		if (p instanceof Frag) {
			text += p.text;
			params.push(...p.params);
		} else {
			text += '?';
			params.push(p);
		}
		text += strings[i + 1];
	});
	return new Frag(text, params);
}

export const ident = (name: string): Frag => new Frag(quoteIdent(name), []);

export function join(frags: readonly Frag[], sep = ', '): Frag {
	return new Frag(
		frags.map((f) => f.text).join(sep),
		frags.flatMap((f) => f.params)
	);
}

/** Runs a fragment and returns plain row objects (BigInt counts turned into numbers). */
export async function rows<T = Record<string, unknown>>(db: SqlDb, f: Frag): Promise<T[]> {
	const table = await db.query(f.text, [...f.params]);
	const names = table.schema.fields.map((x) => x.name);
	const cols = names.map((n) => table.getChild(n)!);
	// Arrow recomputes numRows over every batch on each read: read it once
	const n = table.numRows;
	const out: T[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const o: Record<string, unknown> = {};
		for (let j = 0; j < names.length; j++) o[names[j]] = plain(cols[j].get(i));
		out[i] = o as T;
	}
	return out;
}

export function plain(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	if (v && typeof v === 'object' && 'toArray' in v && typeof (v as { toArray: unknown }).toArray === 'function')
		return Array.from((v as { toArray(): ArrayLike<unknown> }).toArray(), plain);
	return v;
}

/** Reads one numeric column of a query as a Float64Array (NULL → NaN). */
export async function numericColumns(db: SqlDb, f: Frag): Promise<Record<string, Float64Array>> {
	const table = await db.query(f.text, [...f.params]);
	const out: Record<string, Float64Array> = {};
	for (const field of table.schema.fields) {
		const col = table.getChild(field.name)!;
		const n = table.numRows;
		const arr = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const v = col.get(i);
			arr[i] = v === null || v === undefined ? NaN : Number(v);
		}
		out[field.name] = arr;
	}
	return out;
}
