import { generateDemo, type Demo, type DemoOptions, type PlantedKind } from '../../../app/lib/demo/index';
import { materialize, median, type Value } from './materialize';

/** Test helper: a generated demo with lookups by respondent, kind and variable. */
export function demoFixture(opts: DemoOptions) {
	const demo: Demo = generateDemo(opts);
	const data = materialize(demo);
	const rowOf = new Map<number, number>(data.rid.map((rid, i) => [rid as number, i]));
	const durations = data.duration_s as number[];
	const plantedKind = new Map<number, PlantedKind>(demo.truth.map((t) => [t.rid, t.kind]));
	const at = (name: string, i: number): Value => data[name][i];
	return {
		demo,
		data,
		rowOf,
		durations,
		med: median(durations),
		grids: demo.config.grids,
		cleanRows: data.rid.flatMap((rid, i) => (plantedKind.has(rid as number) ? [] : [i])),
		at,
		straight: (i: number, items: string[]): boolean => items.every((it) => at(it, i) === at(items[0], i)),
		sourceOf(detail: string): number {
			const m = /copy of rid (\d+)/.exec(detail);
			if (!m) throw new Error(`no source in ${detail}`);
			return rowOf.get(Number(m[1]))!;
		},
		truthRows: (kind: PlantedKind): { i: number; detail: string }[] =>
			demo.truth.filter((t) => t.kind === kind).map((t) => ({ i: rowOf.get(t.rid)!, detail: t.detail }))
	};
}
