/** Splits `a --flag --key value b` into positionals and options; a flag without a value is `true`. */
export function parseArgs(args: string[], flags: readonly string[] = []): { positional: string[]; options: Record<string, string | true> } {
	const positional: string[] = [];
	const options: Record<string, string | true> = {};
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (!a.startsWith('--')) {
			positional.push(a);
			continue;
		}
		const key = a.slice(2);
		if (flags.includes(key) || i + 1 >= args.length || args[i + 1].startsWith('--')) options[key] = true;
		else options[key] = args[++i];
	}
	return { positional, options };
}
