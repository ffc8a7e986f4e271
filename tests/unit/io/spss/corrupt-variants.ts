/** Test helper: reads damaged copies of a file; each must give data or a one-line SpssError naming the file. */
import { expect } from 'vitest';
import { SpssError } from '../../../../app/lib/io/spss';

export async function readVariants(variants: Uint8Array[], name: string, read: (bytes: Uint8Array) => Promise<unknown>) {
	const outcome = { data: 0, errors: 0 };
	for (const v of variants) {
		try {
			await read(v);
			outcome.data++;
		} catch (e) {
			expect(e).toBeInstanceOf(SpssError);
			expect((e as Error).message).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}: [^\\n]+$`));
			outcome.errors++;
		}
	}
	return outcome;
}
