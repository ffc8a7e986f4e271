import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalize } from '../../../app/lib/audit/canonical-json';

function fromIeee754(hex: string): number {
	const view = new DataView(new ArrayBuffer(8));
	view.setBigUint64(0, BigInt(`0x${hex}`));
	return view.getFloat64(0);
}

describe('canonicalize (RFC 8785)', () => {
	it('gives the §3.2.3 output for the §3.2.2 sample, byte for byte as §3.2.4 lists', () => {
		const input =
			'{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
			' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}';
		const out = canonicalize(JSON.parse(input));
		expect(out).toBe(
			'{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
		);
		const bytes = Buffer.from(out, 'utf8').toString('hex');
		expect(bytes).toBe(
			'7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b3333333333333333332e333333' +
				'333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac245c753030' +
				'30665c6e41274' +
				'25c225c5c5c5c5c222f227d'
		);
	});

	it('sorts members by UTF-16 code units, ignoring locale (§3.2.3)', () => {
		const value = {
			'\u20ac': 'Euro Sign',
			'\r': 'Carriage Return',
			'\ufb33': 'Hebrew Letter Dalet With Dagesh',
			'1': 'One',
			'\ud83d\ude00': 'Emoji: Grinning Face',
			'\u0080': 'Control',
			'\u00f6': 'Latin Small Letter O With Diaeresis'
		};
		expect(canonicalize(value)).toBe(
			'{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
				'"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}'
		);
		expect(canonicalize({ péché: 1, peach: 2, pêche: 3, sin: 4 })).toBe('{"peach":2,"péché":1,"pêche":3,"sin":4}');
		expect(canonicalize({ '10': 0, '2': 0, A: 0, a: 0, '': 0 })).toBe('{"":0,"10":0,"2":0,"A":0,"a":0}');
	});

	it('matches the cyberphone weird.json vector: raw controls above 0x1f, no normalisation', () => {
		const input =
			'{"\\u20ac":"Euro Sign","1":"One","\\u0080":"Control\\u007f","\\ud83d\\ude02":"Smiley",' +
			'"\\u00f6":"Latin Small Letter O With Diaeresis","\\ufb33":"Hebrew Letter Dalet With Dagesh","</script>":"Browser Challenge"}';
		expect(canonicalize(JSON.parse(input))).toBe(
			'{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f","\u00f6":"Latin Small Letter O With Diaeresis",' +
				'"\u20ac":"Euro Sign","\ud83d\ude02":"Smiley","\ufb33":"Hebrew Letter Dalet With Dagesh"}'
		);
		expect(canonicalize({ u: '\u1e0d\u0307' })).toBe('{"u":"\u1e0d\u0307"}');
	});

	it('nests and strips whitespace (cyberphone structures.json)', () => {
		const input = '{"1": {"f": {"f": "hi","F": 5} ,"\\n": 56.0},"10": { },"": "empty","a": { },"111": [ { } ],"A": { }}';
		expect(canonicalize(JSON.parse(input))).toBe('{"":"empty","1":{"\\n":56,"f":{"F":5,"f":"hi"}},"10":{},"111":[{}],"A":{},"a":{}}');
	});

	it.each([
		['0000000000000000', '0'],
		['8000000000000000', '0'],
		['0000000000000001', '5e-324'],
		['8000000000000001', '-5e-324'],
		['7fefffffffffffff', '1.7976931348623157e+308'],
		['ffefffffffffffff', '-1.7976931348623157e+308'],
		['4340000000000000', '9007199254740992'],
		['c340000000000000', '-9007199254740992'],
		['4430000000000000', '295147905179352830000'],
		['44b52d02c7e14af5', '9.999999999999997e+22'],
		['44b52d02c7e14af6', '1e+23'],
		['44b52d02c7e14af7', '1.0000000000000001e+23'],
		['444b1ae4d6e2ef4e', '999999999999999700000'],
		['444b1ae4d6e2ef4f', '999999999999999900000'],
		['444b1ae4d6e2ef50', '1e+21'],
		['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
		['3eb0c6f7a0b5ed8d', '0.000001'],
		['41b3de4355555553', '333333333.3333332'],
		['41b3de4355555554', '333333333.33333325'],
		['41b3de4355555555', '333333333.3333333'],
		['41b3de4355555556', '333333333.3333334'],
		['41b3de4355555557', '333333333.33333343'],
		['becbf647612f3696', '-0.0000033333333333333333'],
		['43143ff3c1cb0959', '1424953923781206.2']
	])('serialises the Appendix B number %s as %s', (hex, expected) => {
		expect(canonicalize(fromIeee754(hex))).toBe(expected);
		expect(canonicalize([fromIeee754(hex)])).toBe(`[${expected}]`);
	});

	it('serialises the brief examples', () => {
		expect(canonicalize(1e30)).toBe('1e+30');
		expect(canonicalize(4.5e-7)).toBe('4.5e-7');
		expect(canonicalize(-0)).toBe('0');
		expect(canonicalize(0.1 + 0.2)).toBe('0.30000000000000004');
	});

	it.each([
		['NaN', NaN],
		['Infinity', Infinity],
		['-Infinity', [-Infinity]],
		['undefined', undefined],
		['undefined in an array', [1, undefined]],
		// eslint-disable-next-line no-sparse-arrays -- the hole is the case under test
		['a hole in an array', [1, , 3]],
		['a function', { f: () => 1 }],
		['a bigint', { n: 1n }],
		['a symbol', Symbol('s')],
		['a Date', { d: new Date(0) }],
		['a Map', new Map()],
		[
			'a class instance',
			new (class Point {
				x = 1;
			})()
		],
		['a lone high surrogate', '\ud800'],
		['a lone low surrogate in a key', { '\udc00x': 1 }],
		['a reversed surrogate pair', '\ude00\ud83d']
	])('rejects %s', (_, value) => {
		expect(() => canonicalize(value)).toThrow();
	});

	it('rejects cycles but accepts shared subtrees', () => {
		const shared = { a: 1 };
		expect(canonicalize({ x: shared, y: [shared] })).toBe('{"x":{"a":1},"y":[{"a":1}]}');
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(() => canonicalize(cyclic)).toThrow(/cyclic/);
	});

	it('drops undefined members as JSON does, and keeps null-prototype objects', () => {
		expect(canonicalize({ b: undefined, a: null })).toBe('{"a":null}');
		const bare = Object.assign(Object.create(null), { z: 1, y: 2 });
		expect(canonicalize(bare)).toBe('{"y":2,"z":1}');
	});

	it('is a fixed point of parse and canonicalise, and agrees with JSON.parse on any JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
				const text = canonicalize(value);
				expect(canonicalize(JSON.parse(text))).toBe(text);
				expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
			}),
			{ numRuns: 500 }
		);
	});
});
