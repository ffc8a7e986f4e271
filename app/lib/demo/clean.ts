import { ATTENTION_ANSWER, ATTENTION_ITEM, DK, Q2_REVERSED, REFUSED, type Grid } from './layout';
import { COUNTRIES, COUNTRY_WEIGHTS, type Country } from './countries';
import { improveAnswer, likeAnswer } from './phrases';
import { proseAnswer } from './prose';
import { rowRng, type Rng } from './rng';
import { STREAM, ridOf, set, type GenContext, type Row } from './row';

const MS = 1000;
const DAY = 86_400_000;
/** Share of completes per hour of day (local time ≈ UTC for a European panel). */
const HOURLY = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 3, 3.5, 4, 4, 4.5, 4, 4, 4, 4.5, 5.5, 7, 8, 8, 7, 5, 2.5];
const USER_AGENTS = [
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
	'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
	'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
	'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
	'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1'
];
const UA_WEIGHTS = [30, 25, 20, 10, 6, 6, 3];
const ISP_OCTETS = [
	31, 37, 46, 62, 77, 78, 79, 80, 81, 82, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 109, 176, 178, 188, 212, 213, 217
];
/** Aspects differ in how satisfied people are with them: price least, packaging most. */
const Q1_LEVEL = [-0.3, 0.3, 0.1, 0.2, 0.3, 0.1, 0, 0.3, 0.5, 0.2];
const SAT_CUTS = [-1.9, -1.0, -0.1, 1.1];
const AGREE_CUTS = [-1.6, -1.0, -0.4, 0.2, 0.8, 1.5];
const IMPORTANCE_CUTS = [-1.5, -0.6, 0.3, 1.2];

/** The canonical country of a row, drawn from its own stream so planted variants can name it up front. */
export function countryOf(seed: number, row: number): Country {
	return COUNTRIES[rowRng(seed, row, STREAM.country).weighted(COUNTRY_WEIGHTS)];
}

/** Scale point for a latent response: 1 + the number of cut points it passes. */
function likert(y: number, cuts: readonly number[]): number {
	let k = 1;
	for (const c of cuts) if (y > c) k++;
	return k;
}

/** A careful respondent: answers driven by a few latent traits plus item noise; durations lognormal. */
export function fillClean(row: Row, i: number, ctx: GenContext): void {
	const { layout, seed } = ctx;
	const r = rowRng(seed, i, STREAM.clean);
	const sat = r.normal();
	const trust = 0.5 * sat + Math.sqrt(0.75) * r.normal();
	const innovation = 0.3 * trust + Math.sqrt(0.91) * r.normal();
	const importance = r.normal();

	const start = ctx.fieldworkStart + r.int(0, ctx.fieldworkDays - 1) * DAY + (r.weighted(HOURLY) * 3600 + r.int(0, 3599)) * MS;
	const duration = cleanDuration(r, layout.medianDuration);
	set(row, layout, 'rid', ridOf(i));
	set(row, layout, 'start_time', start);
	set(row, layout, 'end_time', start + duration * MS);
	set(row, layout, 'duration_s', duration);
	set(row, layout, 'ip', `${r.pick(ISP_OCTETS)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}`);
	set(row, layout, 'user_agent', USER_AGENTS[r.weighted(UA_WEIGHTS)]);
	set(row, layout, 'screener', 1);

	const country = countryOf(seed, i);
	set(row, layout, 'country', country.name);
	const age = Math.round(Math.min(84, Math.max(18, 46 + 15 * r.normal())));
	set(row, layout, 'age', age);
	set(row, layout, 'gender', [1, 2, 3, 9][r.weighted([49, 47, 2, 2])]);
	set(row, layout, 'education', r.chance(0.02) ? REFUSED : Math.min(6, Math.max(1, Math.round(3.6 + 1.2 * r.normal() - (age - 46) / 40))));
	const hh = 1 + r.weighted([22, 34, 18, 16, 7, 3]);
	set(row, layout, 'hh_size', hh);
	set(row, layout, 'n_children', age > 60 || hh === 1 ? 0 : Math.min(hh - 1, r.weighted([45, 25, 22, 8])));
	set(row, layout, 'income', income(r, hh));

	for (const grid of layout.grids)
		fillGrid(row, r, ctx, grid, grid.name === 'q1' ? sat : grid.name === 'q2' ? 0 : importance, trust, innovation);
	set(row, layout, ATTENTION_ITEM, ATTENTION_ANSWER);

	set(row, layout, 'nps', Math.max(0, Math.min(10, Math.round(7.2 + 1.8 * sat + 1.1 * r.normal()))));
	const used = r.chance(0.35);
	set(row, layout, 'used_support', used ? 1 : 2);
	set(row, layout, 'support_sat', used ? likert(0.7 * sat + 0.7 * r.normal(), SAT_CUTS) : NaN);
	const prose = ctx.openEnds === 'prose';
	const like = r.chance(0.1) ? null : prose ? proseAnswer(r, country.language, sat + 0.5) : likeAnswer(r, country.language, sat);
	const improve = r.chance(0.18) ? null : prose ? proseAnswer(r, country.language, sat - 0.5) : improveAnswer(r, country.language, sat);
	set(row, layout, 'oe_like', like);
	set(row, layout, 'oe_improve', improve);
}

/** Median × lognormal, right-skewed; the left tail is cut so no careful respondent looks like a speeder. */
function cleanDuration(r: Rng, median: number): number {
	const z = r.normal();
	const log = z < 0 ? Math.max(z, -1.8) * 0.28 : Math.min(z, 3.5) * 0.45;
	return Math.round(median * Math.exp(log));
}

/** Reported income heaps on round numbers, as self-reported incomes do. */
function income(r: Rng, hh: number): number {
	if (r.chance(0.06)) return -9;
	const raw = 21000 * Math.exp(0.55 * r.normal()) * Math.sqrt(hh) + 8000;
	const heap = r.weighted([45, 30, 15, 10]);
	const unit = [5000, 1000, 10000, 1][heap];
	return Math.max(unit, Math.round(raw / unit) * unit);
}

function fillGrid(row: Row, r: Rng, ctx: GenContext, grid: Grid, trait: number, trust: number, innovation: number): void {
	const { layout } = ctx;
	const acquiescence = 0.25 * r.normal();
	const values: number[] = [];
	grid.items.forEach((item, k) => {
		let v: number;
		if (grid.name === 'q2') {
			const factor = k < 5 ? trust : innovation;
			const sign = Q2_REVERSED.includes(item) ? -1 : 1;
			v = likert(sign * (0.9 * factor + (k < 5 ? 0.7 : -0.7)) + 0.45 * r.normal() + 0.5 * acquiescence, AGREE_CUTS);
		} else if (grid.name === 'q1') {
			v = r.chance(0.012) ? DK : likert(0.7 * trait + 0.65 * r.normal() + acquiescence + Q1_LEVEL[k], SAT_CUTS);
		} else {
			v = likert(0.6 * trait + 0.8 * r.normal() + acquiescence + ((k * 37) % 7) / 10 - 0.3, IMPORTANCE_CUTS);
		}
		values.push(v);
	});
	// A careful respondent can still give one answer throughout; nudge one item so clean rows never straight-line.
	if (values.every((v) => v === values[0])) {
		const k = r.int(0, values.length - 1);
		values[k] = values[k] === grid.scale[1] || values[k] === DK ? grid.scale[1] - 1 : values[k] + 1;
	}
	grid.items.forEach((item, k) => set(row, layout, item, values[k]));
}
