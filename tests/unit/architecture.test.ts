import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The boundary rules of STYLE.md, checked on every import statement of the source tree.
const ROOT = new URL('../../', import.meta.url).pathname;

function files(dir: string): string[] {
	return readdirSync(path.join(ROOT, dir)).flatMap((f) => {
		const rel = path.join(dir, f);
		if (statSync(path.join(ROOT, rel)).isDirectory()) return files(rel);
		return /\.(ts|svelte)$/.test(f) ? [rel] : [];
	});
}

function imports(file: string): string[] {
	const text = readFileSync(path.join(ROOT, file), 'utf8');
	return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
}

function violations(dirs: string[], forbidden: RegExp, allow: (file: string, spec: string) => boolean = () => false) {
	return dirs.flatMap(files).flatMap((f) =>
		imports(f)
			.filter((s) => forbidden.test(s) && !allow(f, s))
			.map((s) => `${f} imports ${s}`)
	);
}

describe('architecture boundaries', () => {
	it('the UI never touches DuckDB or ONNX directly', () => {
		expect(violations(['app/routes', 'app/lib/ui', 'app/lib/state'], /@duckdb|onnxruntime|engine\/duckdb/)).toEqual([]);
	});

	it('DuckDB and ONNX are imported only by the engine DuckDB seam, ml and the workers', () => {
		const allowed = /^app\/lib\/(engine\/duckdb|ml|workers)\//;
		expect(violations(['app'], /^@duckdb|^onnxruntime/, (f) => allowed.test(f))).toEqual([]);
	});

	it('the engine and ml are pure TypeScript: no Svelte, SvelteKit or Dexie', () => {
		expect(
			violations(
				['app/lib/engine', 'app/lib/ml', 'app/lib/io', 'app/lib/audit', 'app/lib/demo', 'app/lib/report'],
				/^svelte|^\$app|^dexie|\/store\//,
				(f) => f.startsWith('app/lib/engine/duckdb/browser')
			)
		).toEqual([]);
	});

	it('the relay never imports the app, except the shared pure text code', () => {
		expect(violations(['server'], /\/app\/(?!lib\/text\/)|^\$lib/)).toEqual([]);
	});

	it('the shared text code (app/lib/text) imports nothing else of the app', () => {
		expect(violations(['app/lib/text'], /^svelte|^\$|^dexie|@duckdb|onnxruntime|\.\.\/\.\.\//)).toEqual([]);
	});
});
