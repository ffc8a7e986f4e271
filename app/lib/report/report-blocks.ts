import type { Report } from '../engine/report/types';
import type { Block, Table } from './blocks';
import { count, decimal, params, percent, seconds, share } from './format';

const VERDICT_COLORS = { keep: '#2e7d32', review: '#c77700', remove: '#b3261e' };
const R = 'right' as const;
const table = (t: Table): Block => ({ kind: 'table', table: t });
const L = 'left' as const;

function header(r: Report): Block[] {
	const m = r.meta;
	return [
		{ kind: 'title', text: `Data-quality report: ${m.project}` },
		table({
			head: ['', ''],
			rows: [
				['Project', m.project],
				['File', m.file],
				['SHA-256', m.sha256 ?? 'not known'],
				['Respondents', count(r.rows)],
				['Variables', count(r.variables)],
				['Generated', m.generatedAt],
				['Sieve version', m.sieveVersion],
				['Run by', m.author]
			]
		})
	];
}

function scorecard(r: Report): Block[] {
	const v = r.verdicts;
	const ran = r.checks.filter((c) => !c.skipped && !c.error);
	return [
		{ kind: 'heading', text: 'Scorecard', id: 'scorecard' },
		{
			kind: 'grade',
			letter: r.grade.letter,
			index: decimal(r.grade.index, 1),
			caption: 'index = 100 × (kept + ½ × review) / respondents; A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F'
		},
		{
			kind: 'figure',
			chart: {
				kind: 'bars',
				max: r.rows,
				items: (['keep', 'review', 'remove'] as const).map((k) => ({ label: k, value: v[k], color: VERDICT_COLORS[k] }))
			},
			table: {
				head: ['verdict', 'respondents', 'share'],
				align: [L, R, R],
				rows: (['keep', 'review', 'remove'] as const).map((k) => [k, count(v[k]), percent(v[k], r.rows)])
			}
		},
		{ kind: 'subheading', text: 'Respondents flagged per check' },
		{
			kind: 'figure',
			chart: { kind: 'bars', items: ran.map((c) => ({ label: c.id, value: c.flagged })) },
			table: {
				head: ['check', 'flagged', 'share', 'warning', 'error'],
				align: [L, R, R, R, R],
				rows: ran.map((c) => [c.id, count(c.flagged), percent(c.flagged, r.rows), count(c.respondents.warning), count(c.respondents.error)])
			}
		},
		{ kind: 'subheading', text: 'Respondents per severity (at least one finding)' },
		{
			kind: 'figure',
			chart: {
				kind: 'bars',
				max: r.rows,
				items: (['error', 'warning', 'info'] as const).map((s) => ({ label: s, value: r.severities[s] }))
			},
			table: {
				head: ['severity', 'respondents', 'share'],
				align: [L, R, R],
				rows: (['error', 'warning', 'info'] as const).map((s) => [s, count(r.severities[s]), percent(r.severities[s], r.rows)])
			}
		},
		{ kind: 'subheading', text: 'Respondent scores (0–100)' },
		{
			kind: 'figure',
			chart: { kind: 'histogram', bins: r.scores, unit: 'score' },
			table: { head: ['score', 'respondents'], align: [L, R], rows: r.scores.map((b) => [`${b.from}–${b.to}`, count(b.count)]) }
		}
	];
}

function distributions(r: Report): Block[] {
	const out: Block[] = [];
	if (r.durations) {
		const d = r.durations;
		out.push(
			{ kind: 'subheading', text: 'Interview duration' },
			{
				kind: 'figure',
				chart: { kind: 'histogram', bins: d.bins, marker: d.cutoff, unit: 'seconds' },
				table: {
					head: ['', ''],
					align: [L, R],
					rows: [
						['median', seconds(d.median)],
						['speeder cut-off', seconds(d.cutoff)],
						['shown (up to the 99th percentile)', count(d.bins.reduce((n, b) => n + b.count, 0))]
					]
				}
			}
		);
	}
	for (const m of r.models)
		out.push(
			{ kind: 'subheading', text: `Model scores: ${m.check} (${count(m.flagged)} flagged)` },
			{
				kind: 'figure',
				chart: { kind: 'histogram', bins: m.bins, unit: 'share' },
				table: {
					head: ['score', 'respondents'],
					align: [L, R],
					rows: m.bins.map((b) => [`${b.from.toFixed(1)}–${b.to.toFixed(1)}`, count(b.count)])
				}
			}
		);
	return out;
}

function variables(r: Report): Block[] {
	const worst = [...r.variableQuality].sort((a, b) => b.missing - a.missing).slice(0, 15);
	const out: Block[] = [
		{ kind: 'heading', text: 'Variables', id: 'variables' },
		{ kind: 'subheading', text: 'Most missing values' },
		{
			kind: 'figure',
			chart: { kind: 'bars', max: r.rows, items: worst.map((v) => ({ label: v.name, value: v.missing })) },
			table: {
				head: ['variable', 'missing', 'share'],
				align: [L, R, R],
				rows: worst.map((v) => [v.name, count(v.missing), percent(v.missing, r.rows)])
			}
		},
		{ kind: 'subheading', text: 'Quality per variable' },
		table({
			head: ['variable', 'label', 'type', 'missing', 'out of range', 'invalid format', 'poor open end'],
			align: [L, L, L, R, R, R, R],
			rows: r.variableQuality.map((v) => [
				v.name,
				v.label ?? '',
				v.type,
				`${count(v.missing)} (${percent(v.missing, r.rows)})`,
				count(v.outOfRange),
				count(v.invalid),
				v.poorText === null ? '–' : count(v.poorText)
			])
		})
	];
	if (r.sections.length)
		out.push(
			{ kind: 'subheading', text: 'Completeness per section' },
			{
				kind: 'figure',
				chart: { kind: 'bars', max: 1, items: r.sections.map((s) => ({ label: s.name, value: s.answered })) },
				table: {
					head: ['section', 'variables', 'answered'],
					align: [L, R, R],
					rows: r.sections.map((s) => [s.name, count(s.variables), share(s.answered)])
				}
			}
		);
	return out;
}

function whatIf(r: Report): Block[] {
	if (!r.whatIf.length || !Object.keys(r.whatIf[0].means).length) return [];
	const [remove, review] = r.whatIf;
	const names = Object.keys(remove.means);
	return [
		{ kind: 'heading', text: 'Key means with and without flagged respondents', id: 'what-if' },
		{
			kind: 'text',
			text: `Without "remove" respondents (score < ${remove.threshold}): ${count(remove.removed)} left out. Without "review" and "remove" (score < ${review.threshold}): ${count(review.removed)} left out.`
		},
		table({
			head: ['variable', 'mean, everyone', 'without remove', 'change', 'without review + remove', 'change'],
			align: [L, R, R, R, R, R],
			rows: names.map((n) => [
				n,
				decimal(remove.means[n].all, 3),
				decimal(remove.means[n].kept, 3),
				decimal(remove.means[n].change, 3),
				decimal(review.means[n].kept, 3),
				decimal(review.means[n].change, 3)
			])
		})
	];
}

function cleaning(r: Report): Block[] {
	const c = r.cleaning;
	if (!c)
		return [
			{ kind: 'heading', text: 'Cleaning summary', id: 'cleaning' },
			{ kind: 'text', text: 'No recipe: nothing was removed or changed.' }
		];
	const removed = c.removedByReason.reduce((n, x) => n + x.count, 0);
	return [
		{ kind: 'heading', text: 'Cleaning summary', id: 'cleaning' },
		{
			kind: 'text',
			text: `${count(removed)} respondent${removed === 1 ? '' : 's'} removed; ${count(c.steps.length)} recipe step${c.steps.length === 1 ? '' : 's'}.`
		},
		{ kind: 'subheading', text: 'Respondents removed per reason' },
		table({ head: ['reason', 'respondents'], align: [L, R], rows: c.removedByReason.map((x) => [x.reason, count(x.count)]) }),
		{ kind: 'subheading', text: 'Values set missing or edited per variable' },
		table({
			head: ['variable', 'set missing', 'edited'],
			align: [L, R, R],
			rows: c.changedByVariable.map((x) => [x.variable, count(x.setMissing), count(x.edited)])
		}),
		{ kind: 'subheading', text: 'Recodes' },
		table({ head: ['variable', 'from', 'to', 'reason'], rows: c.recodes.map((x) => [x.variable, x.from, x.to, x.reason]) }),
		{ kind: 'subheading', text: 'Decisions per reviewer' },
		table({ head: ['reviewer', 'steps'], align: [L, R], rows: c.byAuthor.map((x) => [x.author, count(x.steps)]) }),
		{ kind: 'subheading', text: 'Recipe' },
		table({
			head: ['#', 'action', 'respondent', 'variable', 'value', 'reason', 'by'],
			rows: c.steps.map((s, i) => [
				String(i + 1),
				s.action,
				'respondent' in s && s.respondent !== undefined ? String(s.respondent) : '',
				'variable' in s ? s.variable : '',
				s.action === 'edit-value'
					? String(s.value)
					: s.action === 'recode' || s.action === 'merge-categories'
						? `${s.from.join(', ')} → ${s.to}`
						: '',
				s.reason ?? '',
				s.author ?? ''
			])
		})
	];
}

function methods(r: Report): Block[] {
	const m = r.methods;
	return [
		{ kind: 'heading', text: 'Methods appendix', id: 'methods' },
		{
			kind: 'text',
			text: `Respondents are named by ${m.idVariable}. Verdicts: review below ${m.thresholds.review}, remove below ${m.thresholds.remove}.`
		},
		{ kind: 'subheading', text: 'Checks' },
		table({
			head: ['check', 'version', 'parameters', 'findings', 'flagged', 'ms', 'status'],
			align: [L, R, L, R, R, R, L],
			rows: r.checks.map((c) => [
				`${c.id} (${c.title})`,
				String(c.version),
				params(c.params),
				count(c.findings),
				count(c.flagged),
				count(c.ms),
				c.error ? `failed: ${c.error}` : c.skipped ? `skipped: ${c.skipped}` : 'ran'
			])
		}),
		{ kind: 'subheading', text: 'Roles' },
		table({ head: ['role', 'variables'], rows: m.roles.map((x) => [x.role, x.variables.join(', ')]) }),
		{ kind: 'subheading', text: 'Score weights' },
		table({ head: ['check', 'weight'], align: [L, R], rows: Object.entries(m.weights).map(([k, w]) => [k, String(w)]) }),
		{ kind: 'subheading', text: 'Careless-responding indices' },
		table({ head: ['index', 'definition'], rows: m.carelessIndices.map((x) => [x.name, x.definition]) })
	];
}

function waves(r: Report): Block[] {
	const w = r.waves;
	if (!w?.length) return [];
	const checks = [...new Set(w.flatMap((x) => Object.keys(x.flagged)))];
	return [
		{ kind: 'heading', text: 'Waves', id: 'waves' },
		{ kind: 'subheading', text: 'Quality per wave' },
		table({
			head: ['wave', 'respondents', 'grade', 'index', 'keep', 'review', 'remove', 'recipe steps applied', 'skipped'],
			align: [L, R, L, R, R, R, R, R, R],
			rows: w.map((x) => [
				x.name,
				count(x.rows),
				x.grade.letter,
				decimal(x.grade.index, 1),
				percent(x.verdicts.keep, x.rows),
				percent(x.verdicts.review, x.rows),
				percent(x.verdicts.remove, x.rows),
				x.replay ? count(x.replay.applied) : '–',
				x.replay ? count(x.replay.skipped) : '–'
			])
		}),
		{ kind: 'subheading', text: 'Respondents flagged per check and wave' },
		table({
			head: ['check', ...w.map((x) => x.name)],
			align: [L, ...w.map(() => R)],
			rows: checks.map((c) => [c, ...w.map((x) => (x.flagged[c] === undefined ? '–' : count(x.flagged[c])))])
		})
	];
}

/** The report's content, in reading order. */
export function reportBlocks(r: Report): Block[] {
	return [...header(r), ...scorecard(r), ...waves(r), ...distributions(r), ...variables(r), ...whatIf(r), ...cleaning(r), ...methods(r)];
}
