import { about, aboutVariable, num, pct } from './finding';
import { categoricalStrings } from './categories';
import { join, rows, sql } from '../sql/frag';
import { defineCheck, type Finding } from './types';

const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;

/** Shape of a value: letters → a, digits → 9, runs collapsed ("john.doe@x.com" → "a.a@a.a"). */
export function shapeOf(s: string): string {
	let out = '';
	for (const ch of s) {
		const c = /\p{L}/u.test(ch) ? 'a' : /\d/.test(ch) ? '9' : ch === ' ' ? ' ' : ch;
		if (c === 'a' && out.endsWith('a')) continue;
		out += c;
	}
	return out;
}

/** Phone shape keeps digit counts only loosely: groups of digits become 9. */
const phoneShape = (s: string) => shapeOf(s).replace(/9+/g, '9');

type Kind = 'email' | 'phone' | 'postcode' | 'id' | 'other';

function kindOf(name: string, label: string | null): Kind {
	const t = `${name} ${label ?? ''}`;
	if (/e-?mail/i.test(t)) return 'email';
	if (/phone|tel\b|telefon|mobile|handy|cell/i.test(t)) return 'phone';
	if (/zip|post_?code|postal|plz|cp\b/i.test(t)) return 'postcode';
	return 'other';
}

export default defineCheck({
	id: 'formats',
	version: 1,
	title: 'Formats',
	description: 'E-mail, phone, postcode and id formats: invalid values, and minority formats within a column ("12345" beside "D-12345").',
	category: 'validity',
	severity: 'info',
	needs: ['strings'],
	params: {
		dominant: {
			type: 'number',
			default: 0.7,
			min: 0.5,
			max: 1,
			description: 'a column has a usual format when this share of values share one shape'
		},
		maxDistinct: { type: 'number', default: 200000, min: 1, description: 'skip columns with more distinct values' },
		maxCells: { type: 'number', default: 10000, min: 0, description: 'at most this many answer-level findings per variable' }
	},
	async run(ctx) {
		const out: Finding[] = [];
		const dict = new Map(ctx.dictionary.variables.map((v) => [v.name, v]));
		const candidates = [...categoricalStrings(ctx), ...(ctx.roles.id && dict.get(ctx.roles.id)?.type === 'string' ? [ctx.roles.id] : [])];
		for (const name of candidates) {
			const kind: Kind = name === ctx.roles.id ? 'id' : kindOf(name, dict.get(name)!.label);
			const x = ctx.value(name);
			const [{ d, len }] = await rows<{ d: number; len: number }>(
				ctx.db,
				sql`SELECT approx_count_distinct(${x}) AS d, avg(length(${x})) AS len FROM data`
			);
			if (!d || d > num(ctx.params.maxDistinct) || (kind === 'other' && (len > 30 || d < 20))) continue;
			const values = await rows<{ v: string; n: number }>(
				ctx.db,
				sql`SELECT ${x} AS v, count(*) AS n FROM data WHERE ${x} IS NOT NULL GROUP BY 1`
			);
			const total = values.reduce((s, v) => s + v.n, 0);
			const shape = kind === 'phone' ? phoneShape : shapeOf;
			const shapes = new Map<string, number>();
			for (const v of values) shapes.set(shape(v.v), (shapes.get(shape(v.v)) ?? 0) + v.n);
			const [topShape, topN] = [...shapes.entries()].sort((a, b) => b[1] - a[1])[0];
			const dominant = topN / total >= num(ctx.params.dominant) && (kind !== 'other' || topShape.includes('9'));
			const bad = new Map<string, string>();
			for (const v of values) {
				if (kind === 'email' && !EMAIL.test(v.v)) bad.set(v.v, 'is not a valid e-mail address');
				else if (kind === 'phone') {
					const digits = v.v.replace(/\D/g, '').length;
					if (digits < 6 || digits > 15 || /[^\d\s+()./-]/.test(v.v)) bad.set(v.v, 'is not a phone number');
					else if (dominant && shape(v.v) !== topShape) bad.set(v.v, `is written differently from most (${shapeDesc(topShape)})`);
				} else if (kind !== 'email' && dominant && shape(v.v) !== topShape && shapes.size <= 20)
					bad.set(v.v, `has the format ${shapeDesc(shape(v.v))}, unlike ${pct(topN / total)} of the column (${shapeDesc(topShape)})`);
			}
			if (!bad.size) continue;
			out.push(
				aboutVariable('formats', name, {
					severity: 'info',
					score: 0,
					message: `${name}: ${bad.size} value${bad.size > 1 ? 's' : ''} in an unusual or invalid ${kind === 'other' ? '' : kind + ' '}format`,
					evidence: { kind, usualShape: topShape, shapes: Object.fromEntries([...shapes].slice(0, 20)) }
				})
			);
			const list = [...bad.keys()].slice(0, 5000);
			const hits = await rows<{ r: number; v: string }>(
				ctx.db,
				sql`SELECT __row AS r, ${x} AS v FROM data WHERE ${x} IN (${join(list.map((v) => sql`${v}`))}) ORDER BY __row LIMIT ${num(ctx.params.maxCells)}`
			);
			for (const h of hits)
				out.push(
					about(ctx, 'formats', h.r, {
						variable: name,
						severity: kind === 'other' ? 'info' : 'warning',
						score: 0.3,
						message: `${name} = ${JSON.stringify(h.v)} ${bad.get(h.v)}`,
						evidence: { value: h.v, kind }
					})
				);
		}
		out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
		return out;
	}
});

function shapeDesc(s: string): string {
	return `"${s.replace(/a/g, 'A').replace(/9/g, 'N')}"`;
}
