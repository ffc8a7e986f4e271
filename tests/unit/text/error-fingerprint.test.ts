import { describe, expect, it } from 'vitest';
import { errorFingerprint } from '../../../app/lib/text/error-fingerprint';

const stack = (fn: string, line: number) =>
	`TypeError: x\n    at ${fn} (http://localhost/app.js:${line}:9)\n    at async run (http://localhost/b.js:${line + 5}:1)`;

describe('errorFingerprint', () => {
	it('groups occurrences that differ only in numbers, ids, quoted text and line numbers', () => {
		const a = errorFingerprint({ name: 'TypeError', message: 'row 12 of "a.sav" has id 9f3a2b1c7d', stack: stack('readRow', 10) });
		const b = errorFingerprint({ name: 'TypeError', message: "row 977 of 'b.sav' has id 00ffaa11bb", stack: stack('readRow', 42) });
		expect(a).toMatch(/^[0-9a-f]{16}$/);
		expect(b).toBe(a);
	});

	it('separates different kinds, messages and call sites', () => {
		const base = { name: 'TypeError', message: 'cannot read x', stack: stack('readRow', 1) };
		const fp = errorFingerprint(base);
		expect(errorFingerprint({ ...base, name: 'RangeError' })).not.toBe(fp);
		expect(errorFingerprint({ ...base, message: 'cannot write x' })).not.toBe(fp);
		expect(errorFingerprint({ ...base, stack: stack('writeRow', 1) })).not.toBe(fp);
		expect(errorFingerprint({ ...base, stack: 'readRow@http://x/a.js:1:1' })).not.toBe(fp);
	});
});
