import { isPcpHead } from '../../io/spss/pcp';
import type { FileFormat } from './types';

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** Tells the format from the first bytes, never from the file name (a .zsav may hold $FL2). */
export function sniffFormat(head: Uint8Array): Exclude<FileFormat, 'demo'> | 'binary' {
	const magic = ascii(head, 0, 4);
	if (magic === 'PAR1') return 'parquet';
	// Encrypted system files start with a 36-byte wrapper; the SPSS reader refuses them by name.
	if (magic === '$FL2' || magic === '$FL3' || ascii(head, 8, 20) === 'ENCRYPTEDSAV') return 'sav';
	if (magic === 'PK\u0003\u0004') return 'xlsx';
	if (ascii(head, 0, 464).includes('SPSS PORT FILE')) return 'por';
	if (isPcpHead(head)) return 'sys';
	if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return 'csv';
	return looksBinary(head) ? 'binary' : 'csv';
}

/** Binary when NULs or other control bytes appear where text would not have them (UTF-16 aside). */
function looksBinary(head: Uint8Array): boolean {
	const n = Math.min(head.length, 65536);
	let nulEven = 0;
	let nulOdd = 0;
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = head[i];
		if (b === 0) i & 1 ? nulOdd++ : nulEven++;
		else if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
	}
	const half = n / 2;
	const utf16 = (nulOdd > half * 0.3 && nulEven < half * 0.05) || (nulEven > half * 0.3 && nulOdd < half * 0.05);
	if (utf16) return false;
	return nulEven + nulOdd > 0 || control > n * 0.01;
}
