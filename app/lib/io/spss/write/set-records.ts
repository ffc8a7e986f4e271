/**
 * Text of the multiple response sets record (7.7) and the variable attributes record (7.18),
 * as described in the PSPP manual appendix "System File Format".
 */
import type { Dictionary } from '../../../dataset/dictionary';
import type { SavLayout } from './layout';
import { utf8 } from './text';

const counted = (text: string) => `${utf8(text).length} ${text}`;

/** Sets name variables by their dictionary name; the record wants lower-cased short names. */
export function mrSetsText(dict: Dictionary, layout: SavLayout): string {
	const shortByName = new Map(layout.vars.map((v) => [v.source.name, v.shortName.toLowerCase()]));
	const lines: string[] = [];
	for (const set of dict.mrSets ?? []) {
		const vars = set.variables.map((name) => shortByName.get(name));
		if (vars.some((v) => v === undefined)) {
			layout.warnings.push(`multiple response set ${set.name} names a variable not in the file; dropped`);
			continue;
		}
		const name = set.name.startsWith('$') ? set.name : `$${set.name}`;
		const kind = set.kind === 'dichotomy' ? `D${counted(set.countedValue ?? '1')}` : 'C';
		lines.push(`${name}=${kind} ${counted(set.label ?? '')} ${vars.join(' ')}\n`);
	}
	return lines.join('');
}

/** `var:attr('v1'\n'v2'\n)…` per variable, joined by '/'; a value cannot hold a line feed. */
export function attributesText(layout: SavLayout): string {
	const sets: string[] = [];
	for (const v of layout.vars) {
		const attrs = Object.entries(v.source.attributes ?? {}).filter(([, values]) => values.length > 0);
		if (attrs.length === 0) continue;
		const body = attrs.map(([name, values]) => `${name}(${values.map((x) => `'${x.replace(/\n/g, ' ')}'\n`).join('')})`).join('');
		sets.push(`${v.longName}:${body}`);
	}
	return sets.join('/');
}
