/** A sieve subcommand: takes its arguments, writes its output, returns the exit code. */
export type Command = (args: string[]) => Promise<number>;

const lazy =
	(load: () => Promise<{ default: Command }>): Command =>
	async (args) =>
		(await load()).default(args);

export const COMMANDS: Record<string, Command> = {
	inspect: lazy(() => import('./inspect')),
	check: lazy(() => import('./check')),
	export: lazy(() => import('./export')),
	verify: lazy(() => import('./verify')),
	archive: lazy(() => import('./archive')),
	report: lazy(() => import('./report')),
	pull: lazy(() => import('./pull')),
	audit: lazy(() => import('./audit'))
};
