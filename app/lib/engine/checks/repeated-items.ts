import { about, fmt, num } from './finding';
import { ident, rows, sql } from '../sql/frag';
import { defineCheck, type CheckContext, type Finding } from './types';

/** The answer an attention item asks for: from CONFIG, else from its label ("please select Agree", "select 4"). */
export function expectedAnswers(ctx: CheckContext, name: string): (number | string)[] | null {
	const given = ctx.config.attentionChecks?.find((a) => a.variable === name);
	if (given) return Array.isArray(given.expected) ? given.expected : [given.expected];
	const v = ctx.dictionary.variables.find((x) => x.name === name);
	const label = v?.label ?? '';
	const m =
		/(?:select|choose|mark|click|tick|answer)\s+(?:the\s+)?(?:answer\s+|option\s+|response\s+)?["'“‘]?([^"'”’.,;)]+?)["'”’]?(?:\s+(?:for|to|here|in|on)\b|[.,;)]|$)/i.exec(
			label
		);
	if (!m || !v) return null;
	const want = m[1].trim().toLowerCase();
	if (/^-?\d+(\.\d+)?$/.test(want)) return [Number(want)];
	const code = Object.entries(v.valueLabels).find(([, l]) => l.trim().toLowerCase() === want);
	return code ? [v.type === 'string' ? code[0] : Number(code[0])] : null;
}

export default defineCheck({
	id: 'repeated-items',
	version: 1,
	title: 'Repeated-item consistency',
	description:
		'Failed attention checks; inconsistent answers to psychometric synonyms and antonyms and across even/odd halves (careless indices); the same question asked twice answered differently.',
	category: 'attention',
	severity: 'warning',
	needs: [],
	params: {
		psychsynBelow: { type: 'number', default: -0.5, min: -1, max: 1, description: 'flag psychsyn below this' },
		psychantAbove: { type: 'number', default: 0.5, min: -1, max: 1, description: 'flag psychant above this (antonyms answered alike)' },
		evenoddAbove: { type: 'number', default: 0, min: -1, max: 1, description: 'flag evenodd above this (negated Spearman-Brown)' },
		minPairs: { type: 'number', default: 5, min: 3, description: 'judge psychsyn/psychant only over at least this many answered pairs' },
		repeatTolerance: { type: 'number', default: 1, min: 0, description: 'a repeated question may differ by this much' }
	},
	async run(ctx) {
		const out: Finding[] = [];
		for (const name of ctx.roles.attentionChecks) {
			const expected = expectedAnswers(ctx, name);
			if (!expected) continue;
			const x = ctx.value(name);
			const hits = await rows<{ r: number; v: unknown }>(
				ctx.db,
				sql`SELECT __row AS r, ${x} AS v FROM data WHERE ${x} IS NOT NULL AND ${x} NOT IN (${expected.map((e) => sql`${e}`).reduce((a, b) => sql`${a}, ${b}`)}) ORDER BY __row`
			);
			for (const h of hits)
				out.push(
					about(ctx, 'repeated-items', h.r, {
						variable: name,
						severity: 'error',
						score: 0.8,
						message: `failed the attention check ${name}: answered ${h.v}, asked for ${expected.join(' or ')}`,
						evidence: { kind: 'attention', answer: h.v, expected }
					})
				);
		}
		for (const g of ctx.roles.grids) {
			if (g.items.length < 6) continue;
			const { rows: rs, result } = await ctx.careless(g);
			for (let i = 0; i < rs.length; i++) {
				const bad: string[] = [];
				const syn = result.psychsyn.values[i];
				const ant = result.psychant.values[i];
				const eo = result.evenodd.values[i];
				const enough = (c: Int32Array) => c[i] >= num(ctx.params.minPairs);
				if (enough(result.psychsynPairCount) && syn < num(ctx.params.psychsynBelow))
					bad.push(`synonym pairs answered inconsistently (psychsyn ${fmt(syn)})`);
				if (enough(result.psychantPairCount) && ant > num(ctx.params.psychantAbove))
					bad.push(`opposite statements answered alike (psychant ${fmt(ant)})`);
				if (g.factors && eo > num(ctx.params.evenoddAbove)) bad.push(`halves of the scales disagree (evenodd ${fmt(eo)})`);
				if (bad.length)
					out.push(
						about(ctx, 'repeated-items', rs[i], {
							severity: 'info',
							score: 0.3 + 0.2 * bad.length,
							message: `${g.name}: ${bad.join('; ')}`,
							evidence: { kind: 'careless', grid: g.name, psychsyn: nanNull(syn), psychant: nanNull(ant), evenodd: nanNull(eo) }
						})
					);
			}
		}
		for (const finding of await repeatedQuestions(ctx)) out.push(finding);
		out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
		return out;
	}
});

const nanNull = (x: number) => (Number.isNaN(x) ? null : x);

async function repeatedQuestions(ctx: CheckContext): Promise<Finding[]> {
	const byLabel = new Map<string, string[]>();
	for (const v of ctx.dictionary.variables) {
		if (v.type !== 'numeric' || !v.label || !ctx.substantive.includes(v.name)) continue;
		const key = v.label.trim().toLowerCase();
		byLabel.set(key, [...(byLabel.get(key) ?? []), v.name]);
	}
	const out: Finding[] = [];
	for (const names of byLabel.values()) {
		if (names.length !== 2) continue;
		const [a, b] = names;
		const hits = await rows<{ r: number; x: number; y: number }>(
			ctx.db,
			sql`SELECT __row AS r, ${ctx.value(a)} AS x, ${ctx.value(b)} AS y FROM data WHERE abs(${ctx.value(a)} - ${ctx.value(b)}) > ${num(ctx.params.repeatTolerance)} ORDER BY __row`
		);
		for (const h of hits)
			out.push(
				about(ctx, 'repeated-items', h.r, {
					variable: b,
					severity: 'warning',
					score: 0.5,
					message: `answered the repeated question ${a}/${b} differently (${h.x} then ${h.y})`,
					evidence: { kind: 'repeat', first: a, second: b }
				})
			);
		void ident;
	}
	return out;
}
