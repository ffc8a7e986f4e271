import type { Variable } from '../../dataset/dictionary';
import type { ColumnStats } from './stats';
import type { Grid } from './types';

const ITEM = /^(.*?[^\d])(\d+)$/;
const MAX_SCALE_POINTS = 11;

/**
 * Items sharing a stem (q1_1..q1_20) and a scale, consecutive in the file. The scale comes from
 * the value labels when they are numeric codes, else from the observed range.
 */
export function detectGrids(vars: Variable[], stats: Map<string, ColumnStats>): Grid[] {
	const groups: { stem: string; vars: Variable[] }[] = [];
	for (const v of vars) {
		const m = ITEM.exec(v.name);
		if (!m || v.type !== 'numeric') continue;
		const last = groups.at(-1);
		if (last && last.stem === m[1]) last.vars.push(v);
		else groups.push({ stem: m[1], vars: [v] });
	}
	const grids: Grid[] = [];
	for (const g of groups) {
		for (const run of splitByScale(g.vars, stats)) {
			if (run.length < 3) continue;
			const scale = scaleOf(run, stats);
			if (!scale) continue;
			const bareStem = /^[a-z]{1,2}$/i.test(g.stem);
			if (bareStem && !sameLabels(run) && !sameRange(run, stats)) continue;
			const base = g.stem.replace(/[_.-]+$/, '') || g.stem;
			const name = grids.some((x) => x.name === base) ? `${base}_${run[0].name}` : base;
			grids.push({ name, items: run.map((v) => v.name), scale, reversed: [], factors: null });
		}
	}
	return grids;
}

function splitByScale(vars: Variable[], stats: Map<string, ColumnStats>): Variable[][] {
	const out: Variable[][] = [];
	let cur: Variable[] = [];
	let key = '';
	for (const v of vars) {
		const s = stats.get(v.name)!;
		const ok =
			s.n > 0 &&
			s.integerShare === 1 &&
			s.distinct <= MAX_SCALE_POINTS + 2 &&
			s.max !== null &&
			s.min !== null &&
			s.max - s.min <= MAX_SCALE_POINTS;
		if (!ok) {
			if (cur.length) out.push(cur);
			cur = [];
			key = '';
			continue;
		}
		const k = labelKey(v);
		if (cur.length && k !== key && k && key) {
			out.push(cur);
			cur = [];
		}
		cur.push(v);
		key = k || key;
	}
	if (cur.length) out.push(cur);
	return out;
}

function codes(v: Variable): number[] {
	const missing = new Set(v.missing.values.map(String));
	return Object.keys(v.valueLabels)
		.filter((c) => !missing.has(c) && !inRange(Number(c), v.missing.range))
		.map(Number)
		.filter(Number.isFinite);
}

function inRange(x: number, r: [number | null, number | null] | null): boolean {
	return !!r && (r[0] === null || x >= r[0]) && (r[1] === null || x <= r[1]);
}

function labelKey(v: Variable): string {
	return codes(v)
		.sort((a, b) => a - b)
		.join(',');
}

function sameLabels(vars: Variable[]): boolean {
	const k = labelKey(vars[0]);
	return k !== '' && vars.every((v) => labelKey(v) === k);
}

function sameRange(vars: Variable[], stats: Map<string, ColumnStats>): boolean {
	const s0 = stats.get(vars[0].name)!;
	return vars.every((v) => {
		const s = stats.get(v.name)!;
		return s.min === s0.min && s.max === s0.max;
	});
}

function scaleOf(vars: Variable[], stats: Map<string, ColumnStats>): [number, number] | null {
	const labelled = vars.flatMap(codes);
	if (labelled.length >= 2) return [Math.min(...labelled), Math.max(...labelled)];
	let lo = Infinity;
	let hi = -Infinity;
	for (const v of vars) {
		const s = stats.get(v.name)!;
		if (s.min !== null) lo = Math.min(lo, s.min);
		if (s.max !== null) hi = Math.max(hi, s.max);
	}
	return Number.isFinite(lo) && hi > lo ? [lo, hi] : null;
}
