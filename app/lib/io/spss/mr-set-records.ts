/** Records 7.7 and 7.19: multiple-response sets, one per line, lengths counted in bytes. */
import type { FieldDecoder } from './text-decoder';

export interface RawMrSet {
	name: string;
	kind: 'dichotomy' | 'category';
	countedValue?: string;
	label: string;
	/** Variable names as written (short names in files from SPSS). */
	variables: string[];
}

export function parseMrSets(data: Uint8Array, text: FieldDecoder): RawMrSet[] {
	const sets: RawMrSet[] = [];
	let p = 0;
	const number = (): number => {
		const start = p;
		while (p < data.length && data[p] >= 0x30 && data[p] <= 0x39) p++;
		if (p === start) throw new Error('number expected');
		return Number(String.fromCharCode(...data.subarray(start, p)));
	};
	const space = () => {
		if (data[p] !== 0x20) throw new Error('space expected');
		p++;
	};
	const take = (n: number): Uint8Array => {
		if (p + n > data.length) throw new Error('past end');
		const b = data.subarray(p, p + n);
		p += n;
		return b;
	};
	while (p < data.length) {
		if (data[p] === 0x0a) {
			p++;
			continue;
		}
		const eq = data.indexOf(0x3d, p);
		if (eq < 0) throw new Error('= expected');
		const name = text.decode(data, p, eq);
		p = eq + 1;
		const kindByte = data[p++];
		let countedValue: string | undefined;
		if (kindByte === 0x44 /* D */) {
			const n = number();
			space();
			countedValue = text.decode(take(n));
		} else if (kindByte === 0x45 /* E */) {
			space();
			number();
			space();
			const n = number();
			space();
			countedValue = text.decode(take(n));
		} else if (kindByte !== 0x43 /* C */) throw new Error('set type expected');
		space();
		const labelLen = number();
		space();
		const label = text.decode(take(labelLen));
		let end = data.indexOf(0x0a, p);
		if (end < 0) end = data.length;
		const variables = text
			.decode(data, p, end)
			.split(' ')
			.filter((v) => v.length > 0);
		p = end + 1;
		sets.push({ name, kind: kindByte === 0x43 ? 'category' : 'dichotomy', countedValue, label, variables });
	}
	return sets;
}
