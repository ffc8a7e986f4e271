import { describe, expect, it } from 'vitest';
import { epochMsToSpssSeconds, spssSecondsToEpochMs, varTypeForFormat } from '../../../../app/lib/io/spss/dates';

describe('SPSS dates', () => {
	it('converts SPSS seconds to epoch ms and back', () => {
		// pyreadstat sample.sav: raw mydate r1 = 13744944000 is 2018-05-06
		expect(new Date(spssSecondsToEpochMs(13744944000)).toISOString()).toBe('2018-05-06T00:00:00.000Z');
		expect(spssSecondsToEpochMs(12219379200)).toBe(0);
		expect(epochMsToSpssSeconds(Date.UTC(2014, 8, 22))).toBe(13630723200);
		expect(spssSecondsToEpochMs(NaN)).toBeNaN();
	});

	it('types variables by format', () => {
		for (const f of ['DATE', 'ADATE', 'EDATE', 'SDATE', 'JDATE', 'QYR', 'MOYR', 'WKYR']) expect(varTypeForFormat(f)).toBe('date');
		expect(varTypeForFormat('DATETIME')).toBe('datetime');
		expect(varTypeForFormat('YMDHMS')).toBe('datetime');
		for (const f of ['TIME', 'DTIME', 'MTIME']) expect(varTypeForFormat(f)).toBe('time');
		expect(varTypeForFormat('WKDAY')).toBe('numeric');
		expect(varTypeForFormat('MONTH')).toBe('numeric');
		expect(varTypeForFormat('F')).toBe('numeric');
	});
});
