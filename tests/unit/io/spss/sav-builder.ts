/** Builds tiny system files by hand for tests of header fields real fixtures do not vary. */

export interface TinyVar {
	name: string;
	/** 0 numeric, else string width ≤ 8. */
	width: number;
	/** Packed print/write format word. */
	format: number;
}

export interface TinyOptions {
	littleEndian?: boolean;
	compression?: 0 | 1;
	caseCount?: number;
	bias?: number;
	/** Record 7.4 values: sysmis, highest, lowest. */
	floats?: [number, number, number];
	/** Record 7.20 text. */
	encoding?: string;
	/** Raw data section (after the 999 record). */
	data: number[];
}

export function buildSav(vars: TinyVar[], o: TinyOptions): Uint8Array {
	const le = o.littleEndian ?? true;
	const out: number[] = [];
	const text = (s: string, len: number) => {
		const b = new TextEncoder().encode(s);
		for (let i = 0; i < len; i++) out.push(i < b.length ? b[i] : 0x20);
	};
	const int32 = (n: number) => {
		const v = new DataView(new ArrayBuffer(4));
		v.setInt32(0, n, le);
		out.push(...new Uint8Array(v.buffer));
	};
	const float64 = (n: number) => {
		const v = new DataView(new ArrayBuffer(8));
		v.setFloat64(0, n, le);
		out.push(...new Uint8Array(v.buffer));
	};
	text('$FL2', 4);
	text('@(#) SPSS DATA FILE tiny test', 60);
	int32(2);
	int32(vars.length);
	int32(o.compression ?? 0);
	int32(0);
	int32(o.caseCount ?? -1);
	float64(o.bias ?? 100);
	text('01 Jan 26', 9);
	text('00:00:00', 8);
	text('', 64);
	text('', 3);
	for (const v of vars) {
		int32(2);
		int32(v.width);
		int32(0);
		int32(0);
		int32(v.format);
		int32(v.format);
		text(v.name, 8);
	}
	if (o.floats) {
		for (const n of [7, 4, 8, 3]) int32(n);
		o.floats.forEach(float64);
	}
	if (o.encoding) {
		for (const n of [7, 20, 1, o.encoding.length]) int32(n);
		text(o.encoding, o.encoding.length);
	}
	int32(999);
	int32(0);
	out.push(...o.data);
	return new Uint8Array(out);
}

export function float64Bytes(n: number, le = true): number[] {
	const v = new DataView(new ArrayBuffer(8));
	v.setFloat64(0, n, le);
	return [...new Uint8Array(v.buffer)];
}

export function textBytes(s: string): number[] {
	return [...new TextEncoder().encode(s.padEnd(8, ' '))];
}
