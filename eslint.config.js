import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// The boundary rules of STYLE.md (also asserted by tests/unit/architecture.test.ts), as import bans.
// Each ban is a regex on the import specifier, applied to static imports/exports and to import().
const DUCKDB_ONNX = {
	regex: '^(@duckdb|onnxruntime)',
	message: 'Only app/lib/engine/duckdb, app/lib/ml and app/lib/workers import DuckDB or ONNX.'
};
const UI_ENGINE = {
	regex: '@duckdb|onnxruntime|engine/duckdb',
	message: 'The UI never touches DuckDB, ONNX or the engine DuckDB seam directly.'
};
const UI_LIBS = {
	regex: '^(svelte|\\$app|dexie)|/store/',
	message: 'The engine, ml, io, audit and demo are pure TypeScript: no Svelte, SvelteKit, Dexie or store.'
};
const APP = { regex: '/app/|^\\$lib', message: 'The relay never imports the app.' };

/** A complete import ban for one group of files; flat config lets the last matching block win per rule. */
function bans(...list) {
	if (!list.length) return { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' };
	return {
		'no-restricted-imports': ['error', { patterns: list }],
		'no-restricted-syntax': [
			'error',
			...list.map((b) => ({ selector: `ImportExpression[source.value=/${b.regex.replaceAll('/', '\\x2F')}/]`, message: b.message }))
		]
	};
}

export default defineConfig(
	globalIgnores([
		'build/',
		'.svelte-kit/',
		'bench/out/',
		'test-results/',
		'playwright-report/',
		'data/',
		'tmp/',
		'tests/fixtures/',
		'static/',
		'wasm-models/',
		'vite.config.ts.timestamp-*'
	]),
	js.configs.recommended,
	ts.configs.recommended,
	svelte.configs.recommended,
	prettier,
	svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			// `_name` marks a binding kept on purpose: destructuring to omit a key, a callback's unused parameter.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// `odd ? x++ : y++` is a house idiom; `void state.version` reads state only to track it.
			'@typescript-eslint/no-unused-expressions': ['error', { allowTernary: true }],
			// `{'\t'}` in markup is how a tab or newline is written.
			'svelte/no-useless-mustaches': ['error', { ignoreStringEscape: true }],
			// The state classes keep deliberate non-reactive caches behind a version counter, and build
			// short-lived Maps/Sets/Dates inside functions; every report on the tree was one of those.
			'svelte/prefer-svelte-reactivity': 'off',
			// The app is served at the site root (no paths.base), so resolve() around every href adds nothing.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},

	// Boundaries, general to specific.
	{ files: ['app/**'], rules: bans(DUCKDB_ONNX) },
	{ files: ['app/routes/**', 'app/lib/ui/**', 'app/lib/state/**'], rules: bans(UI_ENGINE) },
	{
		files: ['app/lib/engine/**', 'app/lib/io/**', 'app/lib/audit/**', 'app/lib/demo/**', 'app/lib/report/**'],
		rules: bans(DUCKDB_ONNX, UI_LIBS)
	},
	{ files: ['app/lib/ml/**', 'app/lib/engine/duckdb/**'], rules: bans(UI_LIBS) },
	{ files: ['app/lib/engine/duckdb/browser*', 'app/lib/engine/duckdb/browser/**', 'app/lib/workers/**'], rules: bans() },
	{ files: ['server/**'], rules: bans(APP) }
);
