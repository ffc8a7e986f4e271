import type { Variable } from '../../dataset/dictionary';
import type { SqlValue } from '../sql/db';

/**
 * Value labels after `from` codes become `to`: the recoded codes lose their labels, and `to` keeps
 * its own label, else takes `label`, else the first label among the codes merged into it.
 */
export function recodeLabels(v: Variable, from: SqlValue[], to: SqlValue, label?: string): Record<string, string> {
	const labels = { ...v.valueLabels };
	if (v.type !== 'numeric' && v.type !== 'string') return labels;
	const toKey = to === null ? null : String(to);
	const gone = from
		.filter((f) => f !== null)
		.map(String)
		.filter((k) => k !== toKey);
	const carried = gone.map((k) => labels[k]).find((l) => l !== undefined);
	for (const k of gone) delete labels[k];
	if (toKey !== null) {
		if (label !== undefined) labels[toKey] = label;
		else if (labels[toKey] === undefined && carried !== undefined) labels[toKey] = carried;
	}
	return labels;
}
