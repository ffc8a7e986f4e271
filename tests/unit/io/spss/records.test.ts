import { describe, expect, it } from 'vitest';
import { parseAttributeSet, parseVariableAttributes } from '../../../../app/lib/io/spss/attribute-records';
import { parseLongStringLabels, parseLongStringMissing } from '../../../../app/lib/io/spss/long-string-records';
import { parseMrSets } from '../../../../app/lib/io/spss/mr-set-records';
import { parsePairs } from '../../../../app/lib/io/spss/name-value-records';
import { createFieldDecoder } from '../../../../app/lib/io/spss/text-decoder';

const text = createFieldDecoder('utf-8');
const bytes = (...parts: (string | number[] | Uint8Array)[]) => {
	const out: number[] = [];
	for (const p of parts) out.push(...(typeof p === 'string' ? new TextEncoder().encode(p) : p));
	return new Uint8Array(out);
};
const int32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

describe('extension records', () => {
	it('7.13 / 7.14: tab-separated pairs, keys upper-cased, NUL padding removed', () => {
		expect(parsePairs(bytes('AGE=age\tGRÖSSE=größe'), text)).toEqual([
			['AGE', 'age'],
			['GRÖSSE', 'größe']
		]);
		expect(parsePairs(bytes('STR1=00300', [0], '\tSTR2=01000', [0, 9]), text)).toEqual([
			['STR1', '00300'],
			['STR2', '01000']
		]);
		expect(parsePairs(bytes('broken\tA=b'), text)).toEqual([['A', 'b']]);
	});

	it('7.17 / 7.18: attribute sets, arrays, roles', () => {
		expect(parseAttributeSet("Attr1('Value1'\n''déclaration''\n)Second('123'\n'456'\n)").set).toEqual({
			Attr1: ['Value1', "'déclaration'"],
			Second: ['123', '456']
		});
		const vars = parseVariableAttributes("FirstVariable:adèle('23'\n'34'\n)$@Role('1'\n)/SécondVariable:xyzzy('quux'\n)");
		expect(Object.fromEntries(vars)).toEqual({
			FirstVariable: { adèle: ['23', '34'], '$@Role': ['1'] },
			SécondVariable: { xyzzy: ['quux'] }
		});
	});

	it('7.7 / 7.19: category, dichotomy and counted-value sets', () => {
		const data = bytes('\n$a=C 10 my mcgroup a b c\n$b=D2 55 0  g e f d\n$c=E 11 6 my val 10 mdgroup #2 h i\n');
		expect(parseMrSets(data, text)).toEqual([
			{ name: '$a', kind: 'category', countedValue: undefined, label: 'my mcgroup', variables: ['a', 'b', 'c'] },
			{ name: '$b', kind: 'dichotomy', countedValue: '55', label: '', variables: ['g', 'e', 'f', 'd'] },
			{ name: '$c', kind: 'dichotomy', countedValue: 'my val', label: 'mdgroup #2', variables: ['h', 'i'] }
		]);
		expect(() => parseMrSets(bytes('$x=Q 1 a'), text)).toThrow();
	});

	it('7.21: long-string value labels, a cut record keeps the whole entries', () => {
		const entry = bytes(int32(3), 'str', int32(9), int32(1), int32(9), 'value    ', int32(5), 'label');
		const full = parseLongStringLabels(entry, true);
		expect(full.complete).toBe(true);
		expect(full.entries.map((e) => [text.decode(e.name), e.labels.map((l) => [text.decode(l.value), text.decode(l.label)])])).toEqual([
			['str', [['value', 'label']]]
		]);
		const cut = parseLongStringLabels(bytes(entry, int32(3), 'two', int32(9)), true);
		expect(cut).toMatchObject({ complete: false });
		expect(cut.entries).toHaveLength(1);
	});

	it('7.22: a length before every value (SPSS, PSPP) or one for all (Medella)', () => {
		const perValue = bytes(int32(1), 'a', [2], int32(8), 'first   ', int32(8), 'second  ');
		const shared = bytes(int32(1), 'a', [2], int32(8), 'first   second  ');
		for (const data of [perValue, shared]) {
			const r = parseLongStringMissing(data, true);
			expect(r.complete).toBe(true);
			expect(r.entries[0].values.map((v) => text.decode(v))).toEqual(['first', 'second']);
		}
		expect(parseLongStringMissing(bytes(int32(1), 'a', [2], int32(8), 'first'), true).complete).toBe(false);
	});
});
