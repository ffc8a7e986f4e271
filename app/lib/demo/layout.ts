import type { Dictionary, Variable } from '../dataset/dictionary';
import { datetime, numeric, scaleLabels, text } from './variables';

/** A Likert grid as the check engine's CONFIG describes one (SPEC §7). */
export interface Grid {
	name: string;
	items: string[];
	scale: [number, number];
	reversed: string[];
	factors?: Record<string, string[]>;
}

/** Where every column sits, plus what the generator needs to know about the questionnaire. */
export interface Layout {
	dictionary: Dictionary;
	/** Column position by variable name. */
	index: Record<string, number>;
	grids: Grid[];
	/** Columns that hold answers (not id, paradata or timing): compared for duplicates. */
	answerColumns: number[];
	/** Typical interview length in seconds for this questionnaire. */
	medianDuration: number;
}

export const BASE_COLUMNS = 40;
export const DK = 98;
export const REFUSED = 99;
export const ATTENTION_ITEM = 'q2_attn';
/** The answer the attention item instructs: "agree". */
export const ATTENTION_ANSWER = 6;

const SATISFACTION = ['Very dissatisfied', 'Dissatisfied', 'Neither', 'Satisfied', 'Very satisfied'];
const AGREEMENT = [
	'Strongly disagree',
	'Disagree',
	'Somewhat disagree',
	'Neither agree nor disagree',
	'Somewhat agree',
	'Agree',
	'Strongly agree'
];
const IMPORTANCE = ['Not at all important', 'Slightly important', 'Moderately important', 'Very important', 'Extremely important'];

const Q1_ASPECTS = [
	'price',
	'product quality',
	'delivery speed',
	'customer service',
	'website',
	'mobile app',
	'returns process',
	'product range',
	'packaging',
	'communication'
];

/** Two factors, trust (q2_1..q2_5) and innovation (q2_6..q2_10); q2_3 and q2_8 are worded in reverse. */
const Q2_STATEMENTS = [
	'Northwind is a brand I can trust',
	'Northwind keeps its promises',
	'I often doubt what Northwind tells me',
	'Northwind treats its customers fairly',
	'I feel confident buying from Northwind',
	'Northwind comes up with new ideas',
	'Northwind products feel modern',
	'Northwind products feel outdated',
	'Northwind is ahead of its competitors',
	'Northwind surprises me with new products'
];
export const Q2_REVERSED = ['q2_3', 'q2_8'];

const IMPORTANCE_ASPECTS = [
	'low prices',
	'fast delivery',
	'free returns',
	'sustainable packaging',
	'product reviews',
	'a loyalty programme',
	'personal advice',
	'a wide range',
	'secure payment',
	'an easy-to-use app',
	'local stores',
	'same-day delivery',
	'discount codes',
	'gift wrapping',
	'live chat',
	'detailed size guides',
	'fair working conditions',
	'regional products',
	'repair services',
	'extended warranty'
];

/** Builds the questionnaire: 40 core columns, padded with importance grids up to `cols`. */
export function buildLayout(cols: number): Layout {
	if (!Number.isInteger(cols) || cols < BASE_COLUMNS) {
		throw new Error(`cols must be a whole number ≥ ${BASE_COLUMNS}, got ${cols}`);
	}
	const vars: Variable[] = [];
	const grids: Grid[] = [];
	const yesNo = { '1': 'Yes', '2': 'No' };

	vars.push(
		numeric('rid', { label: 'Respondent ID', measure: 'nominal', role: 'id' }),
		datetime('start_time', { label: 'Interview start', role: 'start' }),
		datetime('end_time', { label: 'Interview end', role: 'end' }),
		numeric('duration_s', { label: 'Interview duration (seconds)', role: 'duration' }),
		text('ip', 15, { label: 'IP address', role: 'ip' }),
		text('user_agent', 255, { label: 'Browser user agent', role: 'user-agent' }),
		numeric('screener', {
			label: 'Have you bought from Northwind in the last 12 months?',
			measure: 'nominal',
			role: 'screener',
			valueLabels: yesNo,
			format: 'F1.0'
		}),
		text('country', 32, { label: 'Country of residence', role: 'demographic' }),
		numeric('age', { label: 'Age in years', role: 'demographic', format: 'F3.0' }),
		numeric('gender', {
			label: 'Gender',
			measure: 'nominal',
			role: 'demographic',
			valueLabels: { '1': 'Female', '2': 'Male', '3': 'Non-binary', '9': 'Prefer not to say' },
			missing: [9],
			format: 'F1.0'
		}),
		numeric('education', {
			label: 'Highest completed education',
			measure: 'ordinal',
			role: 'demographic',
			valueLabels: {
				'1': 'No formal qualification',
				'2': 'Lower secondary',
				'3': 'Upper secondary',
				'4': 'Vocational',
				'5': "Bachelor's degree",
				'6': "Master's degree or higher",
				'99': 'Refused'
			},
			missing: [REFUSED],
			format: 'F2.0'
		}),
		numeric('hh_size', { label: 'People in your household, including you', role: 'demographic', format: 'F2.0' }),
		numeric('n_children', { label: 'Children under 18 in your household', role: 'demographic', format: 'F2.0' }),
		numeric('income', {
			label: 'Annual household net income (EUR)',
			role: 'demographic',
			valueLabels: { '-9': 'Prefer not to say' },
			missing: [-9]
		})
	);

	const q1 = Q1_ASPECTS.map((a, i) =>
		numeric(`q1_${i + 1}`, {
			label: `How satisfied are you with Northwind's ${a}?`,
			measure: 'ordinal',
			role: 'grid-item',
			valueLabels: scaleLabels(SATISFACTION, { '98': "Don't know", '99': 'Refused' }),
			missing: [DK, REFUSED],
			format: 'F2.0'
		})
	);
	vars.push(...q1);
	grids.push({ name: 'q1', items: q1.map((v) => v.name), scale: [1, 5], reversed: [] });

	const q2 = Q2_STATEMENTS.map((s, i) =>
		numeric(`q2_${i + 1}`, {
			label: `Agreement: ${s}`,
			measure: 'ordinal',
			role: 'grid-item',
			valueLabels: scaleLabels(AGREEMENT),
			format: 'F1.0'
		})
	);
	const attention = numeric(ATTENTION_ITEM, {
		label: "Agreement: To show you are reading, please select 'Agree' for this statement",
		measure: 'ordinal',
		role: 'attention-check',
		valueLabels: scaleLabels(AGREEMENT),
		format: 'F1.0'
	});
	vars.push(...q2.slice(0, 5), attention, ...q2.slice(5));
	const q2Names = q2.map((v) => v.name);
	grids.push({
		name: 'q2',
		items: q2Names,
		scale: [1, 7],
		reversed: [...Q2_REVERSED],
		factors: { trust: q2Names.slice(0, 5), innovation: q2Names.slice(5) }
	});

	vars.push(
		numeric('nps', {
			label: 'How likely are you to recommend Northwind to a friend or colleague?',
			measure: 'ordinal',
			valueLabels: { '0': 'Not at all likely', '10': 'Extremely likely' },
			format: 'F2.0'
		}),
		numeric('used_support', {
			label: 'Have you contacted Northwind customer service in the last 12 months?',
			measure: 'nominal',
			valueLabels: yesNo,
			format: 'F1.0'
		}),
		numeric('support_sat', {
			label: 'How satisfied were you with customer service? (asked if used_support = 1)',
			measure: 'ordinal',
			valueLabels: scaleLabels(SATISFACTION, { '98': "Don't know" }),
			missing: [DK],
			format: 'F2.0'
		}),
		text('oe_like', 500, { label: 'What do you like most about Northwind?', role: 'open-end' }),
		text('oe_improve', 500, { label: 'What should Northwind improve?', role: 'open-end' })
	);

	const pad = cols - BASE_COLUMNS;
	const gridCount = Math.ceil(pad / 10);
	let item = 0;
	for (let g = 0; g < gridCount; g++) {
		const size = Math.floor(pad / gridCount) + (g < pad % gridCount ? 1 : 0);
		const stem = `q${g + 3}`;
		const items = Array.from({ length: size }, (_, k) => {
			const aspect = IMPORTANCE_ASPECTS[item % IMPORTANCE_ASPECTS.length];
			const round = Math.floor(item++ / IMPORTANCE_ASPECTS.length);
			return numeric(`${stem}_${k + 1}`, {
				label: `How important is ${aspect}${round ? ` (${round + 1})` : ''} when you shop online?`,
				measure: 'ordinal',
				role: 'grid-item',
				valueLabels: scaleLabels(IMPORTANCE),
				format: 'F1.0'
			});
		});
		vars.push(...items);
		grids.push({ name: stem, items: items.map((v) => v.name), scale: [1, 5], reversed: [] });
	}

	const index: Record<string, number> = {};
	vars.forEach((v, i) => (index[v.name] = i));
	const paradata = new Set(['rid', 'start_time', 'end_time', 'duration_s', 'ip', 'user_agent']);
	return {
		dictionary: { variables: vars, encoding: 'UTF-8', fileLabel: 'Northwind customer survey (Sieve demo)', warnings: [] },
		index,
		grids,
		answerColumns: vars.flatMap((v, i) => (paradata.has(v.name) ? [] : [i])),
		medianDuration: 420 + 6 * pad
	};
}
