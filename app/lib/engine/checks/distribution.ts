import { aboutVariable, fmt, num, pct } from './finding';
import { Frag, join, rows, sql } from '../sql/frag';
import { defineCheck, type Finding } from './types';

export default defineCheck({
	id: 'distribution',
	version: 1,
	title: 'Value distribution',
	description: 'Per-variable summaries, near-zero variance, heaping on round numbers and single-value spikes.',
	category: 'structure',
	severity: 'info',
	needs: ['numbers'],
	params: {
		dominantShare: {
			type: 'number',
			default: 0.95,
			min: 0.5,
			max: 1,
			description: 'near-zero variance when one value has at least this share'
		},
		heapShare: {
			type: 'number',
			default: 0.5,
			min: 0,
			max: 1,
			description: 'heaping when at least this share are multiples of 5 (expected 20 %)'
		},
		spikeFactor: { type: 'number', default: 5, min: 1, description: 'a spike is this many times as frequent as its neighbours' },
		minN: { type: 'number', default: 20, min: 1, description: 'skip variables with fewer answers' }
	},
	async run(ctx) {
		const vars = ctx.dictionary.variables.filter((v) => v.type === 'numeric' && ctx.substantive.includes(v.name)).map((v) => v.name);
		if (!vars.length) return [];
		const F = (n: string, i: number) => new Frag(`${n}${i}`, []);
		const [s] = await rows<Record<string, number | null>>(
			ctx.db,
			// each missing-aware value computed once, in the subquery, not once per aggregate
			sql`SELECT ${join(
				vars.map((_, i) => {
					const x = F('x', i);
					return sql`count(${x}) AS ${F('n', i)}, avg(${x}) AS ${F('mean', i)}, stddev_samp(${x}) AS ${F('sd', i)}, min(${x}) AS ${F('min', i)}, max(${x}) AS ${F('max', i)},
					  sum((${x} = round(${x}))::INTEGER)::BIGINT AS ${F('int', i)}, sum((${x} % 5 = 0)::INTEGER)::BIGINT AS ${F('five', i)}`;
				})
			)} FROM (SELECT ${join(vars.map((v, i) => sql`${ctx.value(v)} AS ${F('x', i)}`))} FROM data)`
		);
		const out: Finding[] = [];
		const summaries: Record<string, unknown> = {};
		const small: number[] = [];
		vars.forEach((v, i) => {
			const n = s[`n${i}`] ?? 0;
			summaries[v] = { n, mean: s[`mean${i}`], sd: s[`sd${i}`], min: s[`min${i}`], max: s[`max${i}`] };
			if (n < num(ctx.params.minN)) return;
			const lo = s[`min${i}`] ?? 0;
			const hi = s[`max${i}`] ?? 0;
			if ((s[`sd${i}`] ?? 0) === 0) {
				out.push(
					aboutVariable('distribution', v, {
						severity: 'warning',
						score: 0.5,
						message: `${v} has the same value (${fmt(lo, 6)}) for all ${n} respondents`,
						evidence: summaries[v] as Record<string, unknown>
					})
				);
				return;
			}
			const whole = (s[`int${i}`] ?? 0) === n;
			if (whole && hi - lo >= 20) {
				const five = (s[`five${i}`] ?? 0) / n;
				if (five >= num(ctx.params.heapShare))
					out.push(
						aboutVariable('distribution', v, {
							severity: 'info',
							score: five,
							message: `${v}: ${pct(five)} of answers are multiples of 5 (heaping; about 20 % expected)`,
							evidence: { multiplesOf5: five }
						})
					);
			}
			if (whole && hi - lo <= 200) small.push(i);
		});
		// one statement for all frequency tables: a one-column GROUP BY per variable reads only its column
		// (measured on 200k rows × 51 variables: a third less CPU than GROUPING SETS, half that of unpivoting)
		const freqs: { x: number; c: number }[][] = small.map(() => []);
		if (small.length) {
			const grouped = await rows<{ j: number; x: number; c: number }>(
				ctx.db,
				sql`SELECT j, x, c FROM (${join(
					small.map(
						(i, j) => sql`SELECT ${new Frag(String(j), [])} AS j, ${ctx.value(vars[i])} AS x, count(*) AS c FROM data GROUP BY ALL`
					),
					' UNION ALL '
				)}) WHERE x IS NOT NULL`
			);
			for (const g of grouped) freqs[g.j].push({ x: g.x, c: g.c });
		}
		for (const [j, i] of small.entries()) {
			const v = vars[i];
			const n = s[`n${i}`]!;
			const freq = freqs[j].sort((a, b) => a.x - b.x);
			const top = freq.reduce((a, b) => (b.c > a.c ? b : a), freq[0]);
			if (top && top.c / n >= num(ctx.params.dominantShare)) {
				out.push(
					aboutVariable('distribution', v, {
						severity: 'warning',
						score: 0.5,
						message: `${v}: near-zero variance, ${pct(top.c / n)} answered ${fmt(top.x, 6)}`,
						evidence: { value: top.x, share: top.c / n }
					})
				);
				continue;
			}
			if (freq.length >= 7) {
				for (let j = 1; j + 1 < freq.length; j++) {
					const nb = (freq[j - 1].c + freq[j + 1].c) / 2;
					if (freq[j].c >= num(ctx.params.spikeFactor) * nb && freq[j].c / n >= 0.05)
						out.push(
							aboutVariable('distribution', v, {
								severity: 'info',
								score: 0.3,
								message: `${v}: spike at ${fmt(freq[j].x, 6)} (${freq[j].c} answers, neighbours ${fmt(nb)} on average)`,
								evidence: { value: freq[j].x, count: freq[j].c, neighbours: nb }
							})
						);
				}
			}
		}
		out.push(
			aboutVariable('distribution', undefined, {
				severity: 'info',
				score: 0,
				message: `summaries of ${vars.length} numeric variables`,
				evidence: { summaries }
			})
		);
		return out;
	}
});
