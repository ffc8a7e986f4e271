/** The 176-byte file header of a system file; also tells the byte order and spots encrypted files. */
import { SourceCursor } from './source-cursor';

export type Compression = 'none' | 'bytecode' | 'zlib';

export interface SavHeader {
	productName: Uint8Array;
	littleEndian: boolean;
	/** 8-byte slots per case as the header claims; -1 when unknown. */
	nominalCaseSize: number;
	compression: Compression;
	/** 1-based dictionary index of the weight variable's slot, 0 when unweighted. */
	weightIndex: number;
	/** -1 when the writer did not know. */
	caseCount: number;
	bias: number;
	fileLabel: Uint8Array;
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

export async function readHeader(cur: SourceCursor): Promise<SavHeader> {
	if (cur.size < 4) cur.fail('not an SPSS file (too short)');
	const head = await cur.source.read(0, Math.min(cur.size, 1024));
	const text = ascii(head.subarray(0, 64));
	if (text.includes('ENCRYPTEDSAV')) cur.fail('encrypted SPSS file: decrypt it in SPSS first');
	const magic = text.slice(0, 4);
	if (magic !== '$FL2' && magic !== '$FL3') {
		// Portable files start with a 200-byte vanity splash and a character table, then "SPSSPORT".
		if (ascii(head).includes('SPSSPORT')) {
			cur.fail('not an SPSS system file (it is a portable .por file)');
		}
		cur.fail('not an SPSS file');
	}
	cur.pos = 4;
	const productName = await cur.bytes(60);
	const layoutLE = new DataView(head.buffer, head.byteOffset).getInt32(64, true);
	const layoutBE = new DataView(head.buffer, head.byteOffset).getInt32(64, false);
	if (layoutLE === 2 || layoutLE === 3) cur.littleEndian = true;
	else if (layoutBE === 2 || layoutBE === 3) cur.littleEndian = false;
	else if (head.length >= 68) cur.fail(`not an SPSS file (layout code ${layoutLE})`);
	await cur.skip(4);
	const nominalCaseSize = await cur.int32();
	const compressionCode = await cur.int32();
	const weightIndex = await cur.int32();
	const caseCount = await cur.int32();
	const bias = await cur.float64();
	await cur.skip(17);
	const fileLabel = await cur.bytes(64);
	await cur.skip(3);
	const compression: Compression | undefined =
		compressionCode === 0 ? 'none' : compressionCode === 1 ? 'bytecode' : compressionCode === 2 ? 'zlib' : undefined;
	if (!compression) cur.fail(`malformed header: unknown compression code ${compressionCode}`);
	if (compression === 'zlib' && magic !== '$FL3') cur.fail('malformed header: zlib compression in a $FL2 file');
	return { productName, littleEndian: cur.littleEndian, nominalCaseSize, compression, weightIndex, caseCount, bias, fileLabel };
}
