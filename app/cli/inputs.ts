import { readFile } from 'node:fs/promises';
import type { SieveConfig } from '../lib/engine/checks/config';
import { parseConfig } from '../lib/engine/checks/parse-config';
import { parseRecipe, type Recipe } from '../lib/engine/recipe';

/** A CONFIG or RECIPE file that cannot be read or does not validate; the message names the file. */
export class InputError extends Error {}

async function readJson<T>(file: string, parse: (x: unknown) => T): Promise<T> {
	try {
		return parse(JSON.parse(await readFile(file, 'utf8')));
	} catch (e) {
		throw new InputError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
	}
}

/** `--config C` when given, else no CONFIG. */
export const readConfig = (file: string | true | undefined): Promise<SieveConfig> =>
	typeof file === 'string' ? readJson(file, parseConfig) : Promise.resolve({});

/** `--recipe R` when given, else no recipe. */
export const readRecipe = (file: string | true | undefined): Promise<Recipe | null> =>
	typeof file === 'string' ? readJson(file, parseRecipe) : Promise.resolve(null);
