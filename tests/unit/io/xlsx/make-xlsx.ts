/** Test helper: builds .xlsx files (deflated zip parts) in memory; `declaredSize` lets a part lie about its size. */
import { deflateRawSync } from 'node:zlib';

export interface Part {
	name: string;
	data: string | Uint8Array;
	declaredSize?: number;
}

export function zip(parts: Part[]): Blob {
	const chunks: Uint8Array[] = [];
	const central: Uint8Array[] = [];
	let offset = 0;
	for (const p of parts) {
		const raw = typeof p.data === 'string' ? new TextEncoder().encode(p.data) : p.data;
		const packed = deflateRawSync(raw);
		const name = new TextEncoder().encode(p.name);
		const size = p.declaredSize ?? raw.length;
		const local = header(30 + name.length, (v) => {
			v.setUint32(0, 0x04034b50, true);
			v.setUint16(8, 8, true);
			v.setUint32(18, packed.length, true);
			v.setUint32(22, size, true);
			v.setUint16(26, name.length, true);
		});
		local.set(name, 30);
		central.push(
			header(46 + name.length, (v) => {
				v.setUint32(0, 0x02014b50, true);
				v.setUint16(10, 8, true);
				v.setUint32(20, packed.length, true);
				v.setUint32(24, size, true);
				v.setUint16(28, name.length, true);
				v.setUint32(42, offset, true);
			})
		);
		central[central.length - 1].set(name, 46);
		chunks.push(local, packed);
		offset += local.length + packed.length;
	}
	const dirSize = central.reduce((n, c) => n + c.length, 0);
	const end = header(22, (v) => {
		v.setUint32(0, 0x06054b50, true);
		v.setUint16(8, parts.length, true);
		v.setUint16(10, parts.length, true);
		v.setUint32(12, dirSize, true);
		v.setUint32(16, offset, true);
	});
	return new Blob([...chunks, ...central, end] as BlobPart[]);
}

function header(length: number, fill: (v: DataView) => void): Uint8Array {
	const bytes = new Uint8Array(length);
	fill(new DataView(bytes.buffer));
	return bytes;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook whose first sheet is `sheetXml` (the <sheetData> content or the whole part when it starts with <?xml). */
export function workbook(sheetXml: string, extra: Part[] = [], options: { date1904?: boolean; sheetDeclaredSize?: number } = {}): Blob {
	return zip([...workbookParts(sheetXml, options), ...extra]);
}

/** The parts of `workbook`: workbook.xml, its relationships, then the sheet (index 2). */
export function workbookParts(sheetXml: string, options: { date1904?: boolean; sheetDeclaredSize?: number } = {}): Part[] {
	const sheet = sheetXml.startsWith('<?xml')
		? sheetXml
		: `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetXml}</sheetData></worksheet>`;
	return [
		{
			name: 'xl/workbook.xml',
			data: `<?xml version="1.0"?><workbook ${NS} ${REL_NS}><workbookPr date1904="${options.date1904 ? 1 : 0}"/><sheets><sheet name="S" sheetId="1" r:id="rId7"/></sheets></workbook>`
		},
		{
			name: 'xl/_rels/workbook.xml.rels',
			data: '<?xml version="1.0"?><Relationships><Relationship Id="rId7" Target="worksheets/data.xml"/></Relationships>'
		},
		{ name: 'xl/worksheets/data.xml', data: sheet, declaredSize: options.sheetDeclaredSize }
	];
}
