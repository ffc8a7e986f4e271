import type { PromptBody } from './types';

const VARIABLE_RE = /\{\{\s*([a-zA-Z][\w-]*)\s*\}\}/g;

/** Variable names a template uses, in order of first use. */
export function templateVariables(text: string): string[] {
	return [...new Set([...text.matchAll(VARIABLE_RE)].map((m) => m[1] ?? ''))];
}

/** Fills `{{name}}` variables; a variable without a value throws a message naming it and `where`. */
export function renderTemplate(text: string, vars: Readonly<Record<string, string>>, where: string): string {
	return text.replace(VARIABLE_RE, (_, name: string) => {
		const value = vars[name];
		if (value === undefined) throw new Error(`${where}: variable {{${name}}} has no value`);
		return value;
	});
}

/** Both parts of a prompt body filled in. */
export function renderBody(body: PromptBody, vars: Readonly<Record<string, string>>, where: string): PromptBody {
	return { system: renderTemplate(body.system, vars, where), user: renderTemplate(body.user, vars, where) };
}
