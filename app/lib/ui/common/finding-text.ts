/**
 * A finding as one line names its variable once: many check messages already start with it
 * ("q5 answered although…", "country: 3 spellings…"), so the separate name is left out then.
 * Messages stay whole for the CLI's RESULT, which shows them without the variable beside.
 */
export function findingText(f: { variable?: string | null; message: string }): { variable: string | null; message: string } {
	const v = f.variable;
	if (!v) return { variable: null, message: f.message };
	if (f.message.startsWith(`${v}: `)) return { variable: v, message: f.message.slice(v.length + 2) };
	if (f.message.startsWith(`${v} `)) return { variable: null, message: f.message };
	return { variable: v, message: f.message };
}
