import { readHead } from '../../lib/engine/data/head';
import { parseArgs } from '../args';
import { readEngine } from '../engine';
import { loadFile } from '../load';

/** `sieve inspect FILE [--rows N] [--encoding E] [--engine native|wasm] --json`: the dictionary and first rows (SPEC §7). */
export default async function inspect(args: string[]): Promise<number> {
	const { positional, options } = parseArgs(args, ['json']);
	const file = positional[0];
	if (!file) {
		process.stderr.write('usage: sieve inspect FILE [--rows N] [--encoding E] [--engine native|wasm] --json\n');
		return 2;
	}
	const n = options.rows === undefined ? 5 : Number(options.rows);
	if (!Number.isInteger(n) || n < 0) {
		process.stderr.write(`sieve inspect: --rows must be a whole number, got ${options.rows}\n`);
		return 2;
	}
	const engine = readEngine(options.engine, 'inspect');
	if (!engine) return 2;
	let loaded;
	try {
		loaded = await loadFile(file, { encoding: typeof options.encoding === 'string' ? options.encoding : undefined, engine });
	} catch (e) {
		process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
		return 1;
	}
	const { db, result } = loaded;
	const { dictionary } = result;
	const out = {
		rows: result.rows,
		variables: dictionary.variables.map((v) => ({
			name: v.name,
			label: v.label,
			type: v.type,
			width: v.width,
			format: v.format,
			measure: v.measure,
			valueLabels: v.valueLabels,
			missing: { values: v.missing.values, range: v.missing.range }
		})),
		head: await readHead(db, dictionary.variables, n),
		encoding: dictionary.encoding,
		warnings: dictionary.warnings
	};
	await db.close();
	process.stdout.write(options.json ? `${JSON.stringify(out, null, 2)}\n` : describe(out));
	return 0;
}

function describe(out: { rows: number; variables: { name: string; type: string; label: string | null }[]; encoding: string }): string {
	const lines = [`${out.rows} rows, ${out.variables.length} variables, ${out.encoding}`];
	for (const v of out.variables) lines.push(`  ${v.name}  ${v.type}${v.label ? `  ${v.label}` : ''}`);
	return `${lines.join('\n')}\n`;
}
