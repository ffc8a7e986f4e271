import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(__dirname, '../../../app/lib/demo');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('app/lib/demo runs in the browser worker too', () => {
	it.each(files)('%s uses no Node or DOM API', (file) => {
		const src = readFileSync(path.join(dir, file), 'utf8');
		expect(src).not.toMatch(/from ['"](node:|fs|path|os|crypto)['"/]/);
		expect(src).not.toMatch(/\b(process|Buffer|require|window|document|localStorage)\s*[.(]/);
		for (const m of src.matchAll(/from '(\.\.?\/[^']+)'/g)) expect(path.resolve(dir, m[1])).toMatch(/app\/lib\/(demo|dataset|io\/batch)/);
	});
});
