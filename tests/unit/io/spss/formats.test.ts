import { describe, expect, it } from 'vitest';
import { formatCode, formatName, packFormat, parseFormat, printFormat, unpackFormat } from '../../../../app/lib/io/spss/formats';

describe('SPSS formats', () => {
	it('maps type codes to names and back', () => {
		expect(formatName(5)).toBe('F');
		expect(formatName(1)).toBe('A');
		expect(formatName(22)).toBe('DATETIME');
		expect(formatName(41)).toBe('YMDHMS');
		expect(formatName(13)).toBeUndefined();
		expect(formatCode('adate')).toBe(23);
		expect(formatCode('NOPE')).toBeUndefined();
	});

	it('prints and parses the text form', () => {
		expect(printFormat(parseFormat('F8.2')!)).toBe('F8.2');
		expect(printFormat({ type: 'F', width: 8, decimals: 0 })).toBe('F8.0');
		expect(printFormat(parseFormat('a12')!)).toBe('A12');
		expect(printFormat({ type: 'TIME', width: 8, decimals: 0 })).toBe('TIME8');
		expect(printFormat({ type: 'TIME', width: 11, decimals: 2 })).toBe('TIME11.2');
		expect(printFormat({ type: 'EDATE', width: 10, decimals: 0 })).toBe('EDATE10');
		expect(parseFormat('DATETIME20')).toEqual({ type: 'DATETIME', width: 20, decimals: 0 });
		expect(parseFormat('X8.2')).toBeUndefined();
		expect(parseFormat('F')).toBeUndefined();
	});

	it('packs and unpacks the 32-bit format word', () => {
		const word = packFormat(5, 8, 2);
		expect(word).toBe(0x050802);
		expect(unpackFormat(word)).toEqual({ code: 5, width: 8, decimals: 2 });
		expect(unpackFormat(0x011400)).toEqual({ code: 1, width: 0x14, decimals: 0 });
	});
});
