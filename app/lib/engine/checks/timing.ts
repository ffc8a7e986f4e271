import { about, aboutVariable, num, pct } from './finding';
import { ident, rows, sql } from '../sql/frag';
import { defineCheck, type Finding } from './types';

export default defineCheck({
	id: 'timing',
	version: 1,
	title: 'Response time',
	description:
		'When interviews were submitted: bursts of completions far above the usual rate (bots, click farms), including night-time bursts.',
	category: 'timing',
	severity: 'warning',
	needs: ['start'],
	params: {
		windowMinutes: { type: 'number', default: 10, min: 1, description: 'width of the time windows compared' },
		burstFactor: { type: 'number', default: 6, min: 1, description: 'a burst has this many times the usual completions per window' },
		minBurst: { type: 'number', default: 8, min: 2, description: 'and at least this many completions' },
		nightFrom: { type: 'number', default: 0, min: 0, max: 23, description: 'night starts at this hour' },
		nightTo: { type: 'number', default: 5, min: 0, max: 24, description: 'night ends at this hour' }
	},
	async run(ctx) {
		const tsVar = [ctx.roles.end, ctx.roles.start].find(
			(n) => n && ctx.dictionary.variables.find((v) => v.name === n)?.type === 'datetime'
		);
		if (!tsVar) return [];
		const t = sql`${ident(tsVar)}::TIMESTAMP`;
		const w = Math.round(num(ctx.params.windowMinutes) * 60);
		const bucket = sql`floor(epoch(${t}) / ${w})`;
		const [base] = await rows<{ n: number; windows: number; med: number; night: number }>(
			ctx.db,
			sql`SELECT sum(c) AS n, count(*) AS windows, median(c) AS med, sum(nightc) AS night FROM (
			  SELECT ${bucket} AS b, count(*) AS c, count(*) FILTER (WHERE hour(${t}) >= ${num(ctx.params.nightFrom)} AND hour(${t}) < ${num(ctx.params.nightTo)}) AS nightc
			  FROM data WHERE ${t} IS NOT NULL GROUP BY 1)`
		);
		const out: Finding[] = [];
		if (!base?.n) return out;
		const span = await rows<{ first: number; last: number }>(ctx.db, sql`SELECT min(${bucket}) AS first, max(${bucket}) AS last FROM data`);
		const allWindows = Math.max(1, span[0].last - span[0].first + 1);
		const usual = Math.max(base.n / allWindows, base.med ?? 0);
		const threshold = Math.max(num(ctx.params.minBurst), Math.ceil(num(ctx.params.burstFactor) * usual));
		const hits = await rows<{ r: number; b: number; c: number; from: string; to: string }>(
			ctx.db,
			sql`WITH w AS (SELECT ${bucket} AS b, count(*) AS c FROM data WHERE ${t} IS NOT NULL GROUP BY 1 HAVING count(*) >= ${threshold})
			SELECT d.__row AS r, w.b, w.c, strftime(to_timestamp(w.b * ${w})::TIMESTAMP, '%Y-%m-%d %H:%M') AS "from", strftime(to_timestamp((w.b + 1) * ${w})::TIMESTAMP, '%H:%M') AS "to"
			FROM data d JOIN w ON ${bucket} = w.b ORDER BY d.__row`
		);
		const windows = new Set<number>();
		for (const h of hits) {
			windows.add(h.b);
			out.push(
				about(ctx, 'timing', h.r, {
					severity: 'warning',
					score: Math.min(1, 0.3 + 0.1 * (h.c / threshold)),
					message: `one of ${h.c} interviews submitted between ${h.from} and ${h.to} (usually ${usual.toFixed(1)} per ${num(ctx.params.windowMinutes)} min)`,
					evidence: { window: h.from, count: h.c, usual }
				})
			);
		}
		out.push(
			aboutVariable('timing', tsVar, {
				severity: windows.size ? 'warning' : 'info',
				score: 0,
				message: `${pct(base.night / base.n)} of interviews at night (${num(ctx.params.nightFrom)}–${num(ctx.params.nightTo)} h); ${windows.size} burst window${windows.size === 1 ? '' : 's'} of ≥ ${threshold} submissions`,
				evidence: { night: base.night, n: base.n, bursts: windows.size, usualPerWindow: usual }
			})
		);
		return out;
	}
});
