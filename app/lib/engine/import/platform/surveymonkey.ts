import type { HeaderPlan } from './types';

const ONE_ANSWER = /^(response|open-ended response)$/i;

/**
 * SurveyMonkey exports: row 1 the question text, blank over a question's further columns; row 2
 * the sub-header ("Response", "Open-Ended Response", an option or a grid row), blank over the
 * respondent columns. Questions become Q1, Q2_1, Q2_2 … with the text as label.
 */
export function surveyMonkeyHeader(names: string[], rows: string[][]): HeaderPlan | null {
	const [sub] = rows;
	if (!sub || sub.length !== names.length) return null;
	const at = (n: string) => names.findIndex((x) => x.trim().toLowerCase() === n);
	const rid = at('respondent id');
	const cid = at('collector id');
	if (rid < 0 || cid < 0 || sub[rid].trim() !== '' || sub[cid].trim() !== '' || sub.every((s) => s.trim() === '')) return null;

	const groups: { text: string; cols: number[] }[] = [];
	const out: string[] = [...names];
	const labels: (string | null)[] = names.map(() => null);
	const meta: number[] = [];
	let current: { text: string; cols: number[] } | null = null;
	names.forEach((n, i) => {
		const head = n.replace(/\s+/g, ' ').trim();
		const s = sub[i].replace(/\s+/g, ' ').trim();
		if (head !== '' && s === '') {
			meta.push(i);
			current = null;
		} else if (head !== '') {
			current = { text: head, cols: [i] };
			groups.push(current);
		} else if (current) current.cols.push(i);
		else out[i] = `column_${i + 1}`;
	});
	groups.forEach((g, k) => {
		g.cols.forEach((c, j) => {
			const s = sub[c].replace(/\s+/g, ' ').trim();
			out[c] = g.cols.length === 1 ? `Q${k + 1}` : `Q${k + 1}_${j + 1}`;
			labels[c] = ONE_ANSWER.test(s) && g.cols.length === 1 ? g.text : `${g.text} - ${s}`;
		});
	});
	return {
		platform: 'surveymonkey',
		extraRows: 1,
		names: out,
		labels,
		attributes: names.map(() => null),
		optionGroups: groups
			.map((g, k) => ({
				name: `Q${k + 1}`,
				label: g.text,
				columns: g.cols,
				options: g.cols.map((c) => sub[c].replace(/\s+/g, ' ').trim())
			}))
			.filter((g) => g.columns.length > 1),
		datetimes: { columns: meta, formats: ['%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M'] },
		warning: `SurveyMonkey export: 2 header rows read as question text and sub-headers; ${groups.length} questions named Q1…Q${groups.length}, their text kept as labels`
	};
}
