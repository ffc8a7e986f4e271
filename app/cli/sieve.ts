import { COMMANDS } from './commands/index';

const USAGE = `usage: sieve <command> [options]
commands:
  inspect FILE [--rows N] --json          dictionary and first rows
  check FILE [--config C] --out R.json    run every applicable check
  export FILE [--recipe R] --to OUT       write the cleaned data
  verify [ARCHIVE.json ...] AUDIT.json    verify an exported audit chain (across its archives)
  archive AUDIT.json --before DATE --out ARCHIVE.json   move older events to a verifiable archive
  report FILE [--recipe R] --out R.html   the data-quality report (.html or .pdf)
  pull KIND --url U --form F --out OUT    pull submissions from kobo, odk, qualtrics or redcap
  audit AUDIT.json summary|anomalies|search "QUERY"   the audit view's summary, flags and search as JSON`;

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
	process.stderr.write(`${USAGE}\n`);
	process.exit(name ? 2 : 0);
}
try {
	process.exitCode = await command(args);
} catch (e) {
	process.stderr.write(`sieve ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
	process.exitCode = 1;
}
