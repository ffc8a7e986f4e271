import { about, fmt, num } from './finding';
import { ident, rows, sql, type Frag } from '../sql/frag';
import { defineCheck, type Finding } from './types';

export default defineCheck({
	id: 'dates',
	version: 1,
	title: 'Date anomalies',
	description:
		'Dates in the future, before fieldwork or implausibly old, interviews that end before they start, and age that disagrees with the birth date.',
	category: 'validity',
	severity: 'warning',
	needs: ['dates'],
	params: {
		now: { type: 'string', default: null, description: 'the "today" for future dates (ISO; default the current time)' },
		earliestYear: { type: 'number', default: 1900, description: 'dates before this year are implausible' },
		ageTolerance: { type: 'number', default: 1, min: 0, description: 'years age may differ from the birth date' }
	},
	async run(ctx) {
		const out: Finding[] = [];
		const now = typeof ctx.params.now === 'string' ? ctx.params.now : new Date().toISOString();
		const fw = ctx.config.fieldwork ?? {};
		const dateVars = ctx.dictionary.variables.filter((v) => v.type === 'date' || v.type === 'datetime');
		const { start, end } = ctx.roles;
		for (const v of dateVars) {
			const c = ident(v.name);
			const ts: Frag = sql`${c}::TIMESTAMP`;
			const isParadata = v.name === start || v.name === end;
			const hits = await rows<{ r: number; t: string; kind: string }>(
				ctx.db,
				sql`SELECT __row AS r, strftime(${ts}, '%Y-%m-%d %H:%M:%S') AS t,
				  CASE WHEN ${ts} > ${now}::TIMESTAMP THEN 'future'
				       WHEN year(${ts}) < ${num(ctx.params.earliestYear)} THEN 'old'
				       ELSE 'before' END AS kind
				FROM data WHERE ${ts} > ${now}::TIMESTAMP OR year(${ts}) < ${num(ctx.params.earliestYear)}
				  ${isParadata && fw.start ? sql`OR ${ts} < ${fw.start}::TIMESTAMP` : sql``}
				ORDER BY __row`
			);
			for (const h of hits) {
				const message =
					h.kind === 'future'
						? `${v.name} ${h.t} is in the future`
						: h.kind === 'old'
							? `${v.name} ${h.t} is before ${num(ctx.params.earliestYear)}`
							: `${v.name} ${h.t} is before fieldwork began (${fw.start})`;
				out.push(
					about(ctx, 'dates', h.r, { variable: v.name, severity: 'warning', score: 0.6, message, evidence: { value: h.t, kind: h.kind } })
				);
			}
		}
		if (start && end) {
			const hits = await rows<{ r: number; s: string; e: string; d: number }>(
				ctx.db,
				sql`SELECT __row AS r, strftime(${ident(start)}::TIMESTAMP, '%Y-%m-%d %H:%M:%S') AS s, strftime(${ident(end)}::TIMESTAMP, '%Y-%m-%d %H:%M:%S') AS e,
				  epoch(${ident(start)}::TIMESTAMP) - epoch(${ident(end)}::TIMESTAMP) AS d
				FROM data WHERE ${ident(end)} < ${ident(start)} ORDER BY __row`
			);
			for (const h of hits)
				out.push(
					about(ctx, 'dates', h.r, {
						severity: 'error',
						score: 0.8,
						message: `ended ${h.e}, ${fmt(h.d)} s before it started ${h.s}`,
						evidence: { start: h.s, end: h.e, kind: 'end-before-start' }
					})
				);
		}
		const { age, birthDate } = ctx.roles.demographics;
		if (age && birthDate) {
			const ref = start ? sql`coalesce(${ident(start)}::DATE, ${now}::DATE)` : sql`${now}::DATE`;
			const years = sql`datediff('year', ${ident(birthDate)}::DATE, ${ref}) - CASE WHEN strftime(${ident(birthDate)}::DATE, '%m%d') > strftime(${ref}, '%m%d') THEN 1 ELSE 0 END`;
			const hits = await rows<{ r: number; a: number; y: number }>(
				ctx.db,
				sql`SELECT __row AS r, ${ctx.value(age)} AS a, ${years} AS y FROM data WHERE abs(${ctx.value(age)} - (${years})) > ${num(ctx.params.ageTolerance)} ORDER BY __row`
			);
			for (const h of hits)
				out.push(
					about(ctx, 'dates', h.r, {
						variable: age,
						severity: 'warning',
						score: 0.6,
						message: `age ${h.a} does not match the birth date (${h.y} years)`,
						evidence: { age: h.a, fromBirthDate: h.y, kind: 'age-birth-date' }
					})
				);
		}
		out.sort((a, b) => a.row! - b.row!);
		return out;
	}
});
