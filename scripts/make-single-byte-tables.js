#!/usr/bin/env node
// Regenerates app/lib/io/text/single-byte-tables.ts from Chromium's TextDecoder (the WHATWG Encoding
// Standard's single-byte indexes). Run by hand: node scripts/make-single-byte-tables.js
// Node 20's TextDecoder('windows-1252') decodes as Latin-1 (0x92 -> U+0092), hence our own tables.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LABELS = [
	'ibm866',
	'iso-8859-2',
	'iso-8859-3',
	'iso-8859-4',
	'iso-8859-5',
	'iso-8859-6',
	'iso-8859-7',
	'iso-8859-8',
	'iso-8859-10',
	'iso-8859-13',
	'iso-8859-14',
	'iso-8859-15',
	'iso-8859-16',
	'koi8-r',
	'koi8-u',
	'macintosh',
	'windows-874',
	'windows-1250',
	'windows-1251',
	'windows-1252',
	'windows-1253',
	'windows-1254',
	'windows-1255',
	'windows-1256',
	'windows-1257',
	'windows-1258',
	'x-mac-cyrillic'
];
const OUT = path.resolve(import.meta.dirname, '../app/lib/io/text/single-byte-tables.ts');

const page = `<pre id="out"></pre><script>
const high = new Uint8Array(128).map((_, i) => i + 128);
const out = {};
for (const label of ${JSON.stringify(LABELS)}) out[label] = [...new TextDecoder(label).decode(high)].map((c) => c.codePointAt(0));
document.getElementById('out').textContent = JSON.stringify(out);
</script>`;
const dir = mkdtempSync(path.join(tmpdir(), 'sbt-'));
try {
	writeFileSync(path.join(dir, 'page.html'), page);
	const dom = execFileSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--dump-dom', `file://${dir}/page.html`], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore']
	});
	const tables = JSON.parse(/<pre id="out">(.*)<\/pre>/s.exec(dom)[1]);
	const escape = (c) =>
		c < 0xa1 || c === 0xad || c === 0xfffd || /[\p{C}\p{Z}]/u.test(String.fromCodePoint(c))
			? `\\u${c.toString(16).padStart(4, '0')}`
			: String.fromCodePoint(c);
	const lines = LABELS.map((label) => {
		if (tables[label].length !== 128) throw new Error(`${label}: ${tables[label].length} characters`);
		return `\t'${label}': '${tables[label].map(escape).join('').replace(/'/g, "\\'")}'`;
	});
	writeFileSync(
		OUT,
		`/** Bytes 0x80-0xFF of the WHATWG single-byte encodings (0x00-0x7F are ASCII), from scripts/make-single-byte-tables.js. */\n` +
			`export const SINGLE_BYTE_HIGH: Readonly<Record<string, string>> = {\n${lines.join(',\n')}\n};\n`
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
