import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Each bench/<area>.bench.ts is a standalone script that prints its own table; run them one at a
// time so they do not compete for the two cores. `npm run bench -- spss` runs only matching files.
const dir = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(dir)
	.filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
	.sort();
let failed = 0;
for (const f of files) {
	process.stdout.write(`\n## ${f}\n`);
	const r = spawnSync('npx', ['tsx', path.join(dir, f)], { stdio: 'inherit' });
	if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
