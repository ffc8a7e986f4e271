import type { Dictionary, MultipleResponseSet, Variable } from '../../../dataset/dictionary';
import type { SqlDb } from '../../sql/db';
import { ident, join, rows, sql } from '../../sql/frag';

/**
 * Select-multiple questions exported as one 0/1 column per option: KoboToolbox and ODK write
 * `q/option` next to the answer column `q`, REDCap writes `q___code`. A set needs two options or
 * more whose values are all 0, 1 or missing; the counted value is 1.
 */
export async function detectMrSets(db: SqlDb, dict: Dictionary): Promise<MultipleResponseSet[]> {
	const byName = new Map(dict.variables.map((v) => [v.name, v]));
	const candidates: { parent: string; label: string; vars: Variable[]; next: number }[] = [];
	const add = (parent: string, label: string, v: Variable, i: number) => {
		const last = candidates.at(-1);
		if (last && last.parent === parent && last.next === i) last.vars.push(v);
		else candidates.push({ parent, label, vars: [v], next: i });
		candidates.at(-1)!.next = i + 1;
	};
	for (const [i, v] of dict.variables.entries()) {
		if (v.type !== 'numeric') continue;
		const slash = v.name.lastIndexOf('/');
		const redcap = /^(.+?)___[A-Za-z0-9_-]+$/.exec(v.name);
		if (slash > 0 && slash < v.name.length - 1) {
			const parent = byName.get(v.name.slice(0, slash));
			if (parent && parent.type === 'string') add(parent.name, parent.label ?? parent.name, v, i);
		} else if (redcap) add(redcap[1], redcap[1], v, i);
	}
	const sets = candidates.filter((c) => c.vars.length >= 2);
	if (sets.length === 0) return [];
	const all = sets.flatMap((c) => c.vars);
	const checks = all.map((v, i) => sql`count_if(${ident(v.name)} IS NOT NULL AND ${ident(v.name)} NOT IN (0, 1)) AS ${ident(`bad${i}`)}`);
	const [r] = await rows<Record<string, number>>(db, sql`SELECT ${join(checks)} FROM data`);
	const ok = new Set(all.filter((_, i) => Number(r[`bad${i}`]) === 0).map((v) => v.name));
	const used = new Set<string>();
	return sets
		.filter((c) => c.vars.every((v) => ok.has(v.name)))
		.map((c) => {
			let name = `$${c.parent.replace(/[^A-Za-z0-9_]+/g, '_')}`;
			while (used.has(name)) name += '_';
			used.add(name);
			return { name, label: c.label, kind: 'dichotomy' as const, countedValue: '1', variables: c.vars.map((v) => v.name) };
		});
}
