/**
 * Open-end themes (SPEC §5b) on a generated survey whose open ends are mostly unique prose in nine
 * languages: wall and CPU time per open end, distinct answers, themes found and heap growth.
 * `npx tsx bench/themes.bench.ts [ROWS]` (default 100,000).
 */
import { isMissing } from '../app/lib/engine/dataset/missing';
import { openEndThemes } from '../app/lib/engine/results/themes';
import { proseSurvey } from './lib/prose-survey';

const rows = Number(process.argv[2] ?? 100_000);
const { demo, db } = await proseSurvey(rows);
console.log(`${rows} respondents`);
console.log('open end       wall ms   cpu ms  distinct  themes  heap MB');
for (const name of demo.config.openEnds) {
	const v = demo.dictionary.variables.find((x) => x.name === name)!;
	const distinct = Number((await db.query(`SELECT count(DISTINCT "${name}")::INTEGER AS n FROM data`)).get(0)!.n);
	const heap = process.memoryUsage().heapUsed;
	const t = performance.now();
	const c = process.cpuUsage();
	const themes = await openEndThemes({ db, isMissing: () => isMissing(v) }, [name]);
	const used = process.cpuUsage(c);
	console.log(
		`${name.padEnd(12)} ${(performance.now() - t).toFixed(0).padStart(9)} ${((used.user + used.system) / 1000).toFixed(0).padStart(8)} ${String(distinct).padStart(9)} ${String(themes[name].length).padStart(7)} ${((process.memoryUsage().heapUsed - heap) / 2 ** 20).toFixed(0).padStart(8)}`
	);
}
await db.close();
