import { describe, expect, it } from 'vitest';
import { labelForCodePage, labelForEncodingName } from '../../../../app/lib/io/spss/code-pages';
import { createFieldDecoder } from '../../../../app/lib/io/spss/text-decoder';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('code pages', () => {
	it('maps SPSS character codes to TextDecoder labels', () => {
		expect(labelForCodePage(65001)).toBe('utf-8');
		expect(labelForCodePage(1251)).toBe('windows-1251');
		expect(labelForCodePage(2)).toBe('windows-1252');
		expect(labelForCodePage(28592)).toBe('iso-8859-2');
		expect(labelForCodePage(932)).toBe('shift_jis');
		expect(labelForCodePage(936)).toBe('gbk');
		expect(labelForCodePage(949)).toBe('euc-kr');
		expect(labelForCodePage(950)).toBe('big5');
		expect(labelForCodePage(1)).toBeUndefined();
		expect(labelForCodePage(437)).toBeUndefined();
	});

	it('normalises encoding names found in files', () => {
		expect(labelForEncodingName('UTF-8')).toBe('utf-8');
		expect(labelForEncodingName('CP1252')).toBe('windows-1252');
		expect(labelForEncodingName('windows-1251')).toBe('windows-1251');
		expect(labelForEncodingName('ISO_8859-1')).toBe('windows-1252');
		expect(labelForEncodingName('ISO-8859-15')).toBe('iso-8859-15');
		expect(labelForEncodingName('Big5')).toBe('big5');
		expect(labelForEncodingName('EBCDIC-US')).toBeUndefined();
	});
});

describe('field decoder', () => {
	it('drops trailing blanks and NULs, keeps leading ones', () => {
		const d = createFieldDecoder('utf-8');
		expect(d.decode(utf8('  ab  \0\0'))).toBe('  ab');
		expect(d.decode(utf8('        '))).toBe('');
	});

	it('drops a UTF-8 character cut by the field end, keeps whole ones', () => {
		const d = createFieldDecoder('utf-8');
		const euro = utf8('a€'); // 61 e2 82 ac
		expect(d.decode(euro, 0, 3)).toBe('a');
		expect(d.decode(euro, 0, 2)).toBe('a');
		expect(d.decode(euro)).toBe('a€');
		const emoji = utf8('😀'); // 4 bytes
		expect(d.decode(emoji, 0, 3)).toBe('');
		expect(d.decode(emoji)).toBe('😀');
	});

	it('decodes legacy code pages', () => {
		expect(createFieldDecoder('windows-1251').decode(new Uint8Array([0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0, 0x20]))).toBe('Москва');
		expect(createFieldDecoder('windows-1252').decode(new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65]))).toBe('Grüße');
		expect(createFieldDecoder('shift_jis').decode(new Uint8Array([0x93, 0xfa, 0x96, 0x7b]))).toBe('日本');
	});

	it('decodes a column of fields in one go, equal to field by field', () => {
		for (const enc of ['utf-8', 'windows-1252', 'shift_jis', 'utf-16le']) {
			const d = createFieldDecoder(enc);
			const stride = 12;
			const rows = 5;
			const bytes = new Uint8Array(stride * rows).fill(0x20);
			const values = ['abc', '', 'x€y', 'zz', '  lead'];
			values.forEach((v, r) => bytes.set(utf8(v).subarray(0, 8), r * stride + 2));
			bytes[4 * stride + 9] = 0; // an inner NUL forces the field-by-field path
			const one = Array.from({ length: rows }, (_, r) => d.decode(bytes, r * stride + 2, r * stride + 10));
			expect(d.decodeFields(bytes, stride, 2, 8, rows)).toEqual(one);
		}
	});
});
