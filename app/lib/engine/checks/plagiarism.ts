import { distinctAnswers } from '../text/distinct-answers';
import { nearDuplicateGroups } from '../text/minhash';
import { bigramHashes, fnv1a, jaccard, words } from '../text/shingles';
import { about, num } from './finding';
import { defineCheck, type CheckContext, type Finding } from './types';

const LISTED = 20;
const excerpt = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);

interface Eligible {
	texts: string[];
	start: Int32Array;
	rows: Int32Array;
	/** Per distinct text, its normalised entry or -1 when too short to judge. */
	entry: Int32Array;
	/** Per distinct text, its normalised words joined, or '' below `acrossMinWords`. */
	norm: string[];
	keys: string[];
	sets: Uint32Array[];
}

async function eligible(ctx: CheckContext, name: string, minWords: number, acrossMinWords: number): Promise<Eligible> {
	const { texts, start, rows } = await distinctAnswers(ctx, name);
	const entry = new Int32Array(texts.length).fill(-1);
	const norm: string[] = new Array(texts.length).fill('');
	const index = new Map<string, number>();
	const keys: string[] = [];
	const sets: Uint32Array[] = [];
	for (let k = 0; k < texts.length; k++) {
		const ws = words(texts[k]);
		const key = ws.join(' ');
		if (ws.length >= acrossMinWords) norm[k] = key;
		if (ws.length < minWords) continue;
		let e = index.get(key);
		if (e === undefined) {
			e = keys.length;
			index.set(key, e);
			keys.push(key);
			sets.push(bigramHashes(ws));
		}
		entry[k] = e;
	}
	return { texts, start, rows, entry, norm, keys, sets };
}

export default defineCheck({
	id: 'plagiarism',
	version: 1,
	title: 'Copied open ends',
	description:
		'Answers copied across respondents, exactly or near-identically (word-bigram MinHash with locality-sensitive hashing, no all-pairs comparison), answers that repeat the question text, and one answer pasted into several questions by the same respondent.',
	category: 'fraud',
	severity: 'warning',
	needs: ['open-ends'],
	params: {
		minWords: {
			type: 'number',
			default: 20,
			min: 1,
			description: 'shorter answers are too generic to call copied (chance repeats of short answers outnumber copies)'
		},
		similarity: {
			type: 'number',
			default: 0.8,
			min: 0.3,
			max: 1,
			description: 'word-bigram Jaccard similarity that counts as near-identical'
		},
		questionText: { type: 'boolean', default: true, description: 'flag answers that repeat the question text (variable label)' },
		acrossQuestions: { type: 'boolean', default: true, description: 'flag one answer given to several open ends by one respondent' },
		acrossMinWords: { type: 'number', default: 5, min: 1, description: 'shortest answer that counts when repeated across questions' }
	},
	async run(ctx) {
		const minWords = num(ctx.params.minWords);
		const similarity = num(ctx.params.similarity);
		const out: Finding[] = [];
		const seen = new Map<number, string>();
		for (const name of ctx.roles.openEnds) {
			const e = await eligible(ctx, name, minWords, num(ctx.params.acrossMinWords));
			const group = nearDuplicateGroups(e.sets, similarity);
			const size = new Int32Array(e.keys.length);
			for (let k = 0; k < e.texts.length; k++) if (e.entry[k] >= 0) size[group[e.entry[k]]] += e.start[k + 1] - e.start[k];
			const members = new Map<number, number[]>();
			for (let k = 0; k < e.texts.length; k++) {
				if (e.entry[k] < 0) continue;
				const g = group[e.entry[k]];
				if (size[g] < 2) continue;
				let m = members.get(g);
				if (!m) members.set(g, (m = []));
				for (let j = e.start[k]; j < e.start[k + 1]; j++) m.push(j);
			}
			for (const m of members.values()) {
				const exact = new Set(m.map((j) => e.entry[textAt(e, j)])).size === 1;
				for (const j of m) {
					const others = m.filter((x) => x !== j).map((x) => ctx.respondent(e.rows[x]));
					out.push(
						about(ctx, 'plagiarism', e.rows[j], {
							variable: name,
							severity: 'warning',
							score: exact ? 0.7 : 0.6,
							message: `${name}: ${exact ? 'same' : 'near-identical'} answer as ${others.length} other respondent${others.length === 1 ? '' : 's'} (${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''})`,
							evidence: {
								kind: exact ? 'exact' : 'near',
								shared: others.slice(0, LISTED),
								ring: m.length,
								text: excerpt(e.texts[textAt(e, j)])
							}
						})
					);
				}
			}
			if (ctx.params.questionText) out.push(...questionCopies(ctx, name, e, similarity));
			if (ctx.params.acrossQuestions) out.push(...acrossQuestions(ctx, name, e, seen));
		}
		return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	}
});

/** The distinct-text index of the `j`-th row entry. */
function textAt(e: Eligible, j: number): number {
	let lo = 0;
	let hi = e.texts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (e.start[mid] <= j) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

function questionCopies(ctx: CheckContext, name: string, e: Eligible, similarity: number): Finding[] {
	const label = ctx.dictionary.variables.find((v) => v.name === name)?.label;
	const lw = label ? words(label) : [];
	if (lw.length < 3) return [];
	const ls = bigramHashes(lw);
	const out: Finding[] = [];
	for (let k = 0; k < e.texts.length; k++) {
		const ws = words(e.texts[k]);
		if (ws.length < 3 || jaccard(bigramHashes(ws), ls) < similarity) continue;
		for (let j = e.start[k]; j < e.start[k + 1]; j++)
			out.push(
				about(ctx, 'plagiarism', e.rows[j], {
					variable: name,
					severity: 'warning',
					score: 0.6,
					message: `${name}: the answer repeats the question text`,
					evidence: { kind: 'question-text', text: excerpt(e.texts[k]) }
				})
			);
	}
	return out;
}

/** `seen` maps row × text hash to the first open end that held it, across the run's open ends. */
function acrossQuestions(ctx: CheckContext, name: string, e: Eligible, seen: Map<number, string>): Finding[] {
	const out: Finding[] = [];
	for (let k = 0; k < e.texts.length; k++) {
		if (!e.norm[k]) continue;
		const h = fnv1a(e.norm[k]);
		for (let j = e.start[k]; j < e.start[k + 1]; j++) {
			const key = e.rows[j] * 2 ** 32 + h;
			const first = seen.get(key);
			if (first === undefined) seen.set(key, name);
			else
				out.push(
					about(ctx, 'plagiarism', e.rows[j], {
						variable: name,
						severity: 'warning',
						score: 0.5,
						message: `${name}: same answer as this respondent's ${first}`,
						evidence: { kind: 'across-questions', also: first, text: excerpt(e.texts[k]) }
					})
				);
		}
	}
	return out;
}
