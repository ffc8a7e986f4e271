import { isControl, neutraliseFormula } from './neutralise';

const TAB = 0x09;
const LF = 0x0a;

const hex4 = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;

/**
 * Cell text as Excel stores it (ECMA-376 ST_Xstring): characters XML 1.0 cannot carry (C0 controls
 * but tab and LF, CR, which XML parsers turn into LF, DEL and C1 controls, which write-excel-file
 * drops) become `_xHHHH_`, and a literal `_xHHHH_` keeps its meaning by escaping its underscore.
 * Formulas are neutralised first.
 */
export function xlsxText(text: string): string {
	const s = neutraliseFormula(text).replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
	let out = '';
	let from = 0;
	for (let i = 0; i < s.length; i++) {
		const code = s.charCodeAt(i);
		if (!isControl(code) || code === TAB || code === LF) continue;
		out += s.slice(from, i) + hex4(code);
		from = i + 1;
	}
	return from === 0 ? s : out + s.slice(from);
}
