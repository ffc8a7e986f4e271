/**
 * The open-end checks of issue 16 (pii, language, plagiarism, brevity) on a generated survey whose
 * open ends are mostly unique prose in nine languages: wall and CPU time per check and the share
 * of respondents each flags (clean prose: every flag is a false alarm, except language, where one
 * answer in eight is written in another language on purpose).
 * `npx tsx bench/open-ends.bench.ts [ROWS]` (default 100,000).
 */
import brevity from '../app/lib/engine/checks/brevity';
import { createContext, createRunState } from '../app/lib/engine/checks/context';
import language from '../app/lib/engine/checks/language';
import pii from '../app/lib/engine/checks/pii';
import plagiarism from '../app/lib/engine/checks/plagiarism';
import { detectRoles } from '../app/lib/engine/roles';
import { proseSurvey } from './lib/prose-survey';

const rows = Number(process.argv[2] ?? 100_000);
// Nothing planted: every respondent is clean, so each flag is a false alarm (language aside, see above).
const { demo, db } = await proseSurvey(rows);
const config = { openEnds: demo.config.openEnds };
const roles = await detectRoles(db, demo.dictionary, config);
const state = await createRunState(db, demo.dictionary, roles, config);
const answers = Number((await db.query(`SELECT ${roles.openEnds.map((n) => `count("${n}")`).join(' + ')} AS n FROM data`)).get(0)!.n);
console.log(`${rows} respondents, ${roles.openEnds.length} open ends, ${answers} answers`);
console.log('check        wall ms   cpu ms   µs/answer  flagged respondents');
for (const check of [pii, language, plagiarism, brevity]) {
	const t = performance.now();
	const c = process.cpuUsage();
	const findings = await check.run(createContext(state, check));
	const used = process.cpuUsage(c);
	const ms = performance.now() - t;
	const flagged = new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.row)).size;
	console.log(
		`${check.id.padEnd(12)} ${ms.toFixed(0).padStart(7)} ${((used.user + used.system) / 1000).toFixed(0).padStart(8)} ${((1000 * ms) / answers).toFixed(1).padStart(10)}  ${flagged} (${((100 * flagged) / rows).toFixed(2)} %)`
	);
}
await db.close();
