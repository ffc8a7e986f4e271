import { countryOf, fillClean } from './clean';
import type { PlantedKind } from './kinds';
import { ATTENTION_ANSWER, ATTENTION_ITEM, type Grid } from './layout';
import { NON_ANSWERS, gibberish } from './phrases';
import { rowRng, type Rng } from './rng';
import { STREAM, num, ridOf, set, type GenContext, type Row } from './row';

/** A planted problem for one row: what the truth file says, and how to write it into the row. */
export interface Plant {
	detail: string;
	/** Turns the row's careful answers (already filled) into the planted problem. */
	apply(row: Row): void;
}

const MS = 1000;
const OPEN_ENDS = ['oe_like', 'oe_improve'];
const BOT_AGENTS = [
	'python-requests/2.31.0',
	'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
	'curl/8.4.0'
];

type Planter = (r: Rng, i: number, source: number, ctx: GenContext) => Plant;

/** Parameters come from the row's own "plant" stream, so the truth can be listed without generating rows. */
export function plantFor(kind: PlantedKind, i: number, source: number, ctx: GenContext): Plant {
	return PLANTERS[kind](rowRng(ctx.seed, i, STREAM.plant), i, source, ctx);
}

function fast(r: Rng, ctx: GenContext, lo: number, hi: number): { seconds: number; text: string } {
	const median = ctx.layout.medianDuration;
	const seconds = Math.max(20, Math.round(median * r.uniform(lo, hi)));
	return { seconds, text: `${seconds} s, ${(seconds / median).toFixed(2)} × the typical ${median} s` };
}

function setDuration(row: Row, ctx: GenContext, seconds: number): void {
	const { layout } = ctx;
	set(row, layout, 'duration_s', seconds);
	set(row, layout, 'end_time', num(row, layout, 'start_time') + seconds * MS);
}

function pickOpenEnds(r: Rng, make: (r: Rng) => string): { names: string[]; texts: string[] } {
	const which = r.int(0, 2);
	const names = which === 2 ? OPEN_ENDS : [OPEN_ENDS[which]];
	return { names, texts: names.map(() => make(r)) };
}

function describeTexts(names: string[], texts: string[]): string {
	return names.map((n, k) => `${n} ${JSON.stringify(texts[k])}`).join(', ');
}

/** Grid items a near-duplicate may alter; the attention item is not one of them. */
function editableItems(grids: Grid[]): { item: string; max: number }[] {
	return grids.flatMap((g) => g.items.map((item) => ({ item, max: g.scale[1] })));
}

function nudged(v: number, max: number): number {
	if (!(v <= max)) return 3;
	return v < max ? v + 1 : v - 1;
}

const PLANTERS: Record<PlantedKind, Planter> = {
	speeder(r, _i, _s, ctx) {
		const d = fast(r, ctx, 0.08, 0.25);
		return { detail: `finished in ${d.text}`, apply: (row) => setDuration(row, ctx, d.seconds) };
	},

	straightliner(r, _i, _s, ctx) {
		const grids = ctx.layout.grids;
		const values = grids.map((g) => r.int(g.scale[0], g.scale[1]));
		return {
			detail: grids.map((g, k) => `${g.name} all ${values[k]}`).join('; '),
			apply: (row) => grids.forEach((g, k) => g.items.forEach((item) => set(row, ctx.layout, item, values[k])))
		};
	},

	'exact-duplicate'(_r, i, source, ctx) {
		return {
			detail: `copy of rid ${ridOf(source)}`,
			apply: (row) => {
				fillClean(row, source, ctx);
				set(row, ctx.layout, 'rid', ridOf(i));
			}
		};
	},

	'near-duplicate'(r, _i, source, ctx) {
		const { layout } = ctx;
		const total = layout.answerColumns.length;
		const changes = Math.max(1, Math.floor(0.04 * total));
		const pool = editableItems(layout.grids);
		const picked: { item: string; max: number }[] = [];
		while (picked.length < changes) {
			const c = r.pick(pool);
			if (!picked.includes(c)) picked.push(c);
		}
		const own = ['rid', 'start_time', 'end_time', 'duration_s', 'ip', 'user_agent'];
		const later = r.int(10 * 60, 48 * 3600) * MS;
		return {
			detail: `copy of rid ${ridOf(source)} with ${picked.map((p) => p.item).join(', ')} changed (${total - changes} of ${total} answers equal)`,
			apply: (row) => {
				const keep = own.map((n) => row[layout.index[n]]);
				fillClean(row, source, ctx);
				const original = num(row, layout, 'start_time');
				own.forEach((n, k) => (row[layout.index[n]] = keep[k]));
				set(row, layout, 'start_time', original + later);
				setDuration(row, ctx, num(row, layout, 'duration_s'));
				for (const p of picked) set(row, layout, p.item, nudged(num(row, layout, p.item), p.max));
			}
		};
	},

	gibberish(r, _i, _s, ctx) {
		const { names, texts } = pickOpenEnds(r, gibberish);
		return { detail: describeTexts(names, texts), apply: (row) => names.forEach((n, k) => set(row, ctx.layout, n, texts[k])) };
	},

	'non-answer'(r, _i, _s, ctx) {
		const { names, texts } = pickOpenEnds(r, (g) => g.pick(NON_ANSWERS));
		return { detail: describeTexts(names, texts), apply: (row) => names.forEach((n, k) => set(row, ctx.layout, n, texts[k])) };
	},

	'out-of-range'(r, _i, _s, ctx) {
		const options: [string, number, string][] = [
			['age', r.pick([150, 0, 999, 7]), 'age 18–99'],
			[`q1_${r.int(1, 10)}`, r.pick([7, 6, 0]), 'scale 1–5 (98, 99 missing)'],
			['nps', r.pick([11, 12, -1]), 'scale 0–10']
		];
		const [name, value, range] = r.pick(options);
		return { detail: `${name} = ${value}, outside ${range}`, apply: (row) => set(row, ctx.layout, name, value) };
	},

	'category-variant'(r, i, _s, ctx) {
		const country = countryOf(ctx.seed, i);
		const variant = r.pick(country.variants);
		return {
			// Case/blank variants are what fingerprint clustering finds; other names and codes need a synonym list.
			detail: `country ${JSON.stringify(variant)} for ${JSON.stringify(country.name)} (${variant.trim().toLowerCase() === country.name.toLowerCase() ? 'case/blank variant' : 'other name or code'})`,
			apply: (row) => set(row, ctx.layout, 'country', variant)
		};
	},

	'skip-logic'(r, _i, _s, ctx) {
		const value = r.int(1, 5);
		return {
			detail: `support_sat = ${value} although used_support = 2 (No); asked only if used_support = 1`,
			apply: (row) => {
				set(row, ctx.layout, 'used_support', 2);
				set(row, ctx.layout, 'support_sat', value);
			}
		};
	},

	'hh-children'(r, _i, _s, ctx) {
		const hh = r.int(1, 3);
		const children = hh + r.int(1, 3);
		return {
			detail: `hh_size ${hh} < n_children ${children}`,
			apply: (row) => {
				set(row, ctx.layout, 'hh_size', hh);
				set(row, ctx.layout, 'n_children', children);
			}
		};
	},

	'end-before-start'(r, _i, _s, ctx) {
		const minutes = r.int(1, 90);
		return {
			detail: `end_time ${minutes} min before start_time`,
			apply: (row) => set(row, ctx.layout, 'end_time', num(row, ctx.layout, 'start_time') - minutes * 60 * MS)
		};
	},

	'attention-fail'(r, _i, _s, ctx) {
		const value = r.pick([1, 2, 3, 4, 5, 7]);
		return {
			detail: `${ATTENTION_ITEM} = ${value}, instructed ${ATTENTION_ANSWER} (Agree)`,
			apply: (row) => set(row, ctx.layout, ATTENTION_ITEM, value)
		};
	},

	bot(r, _i, _s, ctx) {
		const { layout } = ctx;
		const d = fast(r, ctx, 0.04, 0.15);
		const agent = r.pick(BOT_AGENTS);
		const ip = `185.220.101.${r.int(1, 40)}`;
		const night = r.int(1, 4) * 3600 + r.int(0, 3599);
		const texts = [gibberish(r), gibberish(r)];
		const phase = r.int(0, 4);
		const attention = r.int(1, 7);
		const nps = r.int(0, 10);
		return {
			detail: `fast (${d.text}), zigzag grids, gibberish open ends, ip ${ip}, user agent ${JSON.stringify(agent)}`,
			apply: (row) => {
				const start = num(row, layout, 'start_time');
				set(row, layout, 'start_time', start - (start % 86_400_000) + night * MS);
				setDuration(row, ctx, d.seconds);
				set(row, layout, 'ip', ip);
				set(row, layout, 'user_agent', agent);
				for (const g of layout.grids) {
					const span = g.scale[1] - g.scale[0] + 1;
					g.items.forEach((item, k) => set(row, layout, item, g.scale[0] + ((k + phase) % span)));
				}
				set(row, layout, ATTENTION_ITEM, attention);
				set(row, layout, 'nps', nps);
				OPEN_ENDS.forEach((n, k) => set(row, layout, n, texts[k]));
			}
		};
	}
};
