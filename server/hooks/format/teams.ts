import { factsOf, titleOf, type HookEvent } from './summary';

/** Teams refuses webhook messages over 28 KB. */
export const TEAMS_MAX_BYTES = 28 * 1024;

const envelope = (title: string, facts: Array<[string, string]>, dropped: number) => ({
	type: 'message',
	attachments: [
		{
			contentType: 'application/vnd.microsoft.card.adaptive',
			contentUrl: null,
			content: {
				$schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
				type: 'AdaptiveCard',
				version: '1.4',
				body: [
					{ type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
					{ type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) },
					...(dropped > 0
						? [{ type: 'TextBlock', text: `${dropped} more fields left out (message size limit)`, isSubtle: true, wrap: true }]
						: [])
				]
			}
		}
	]
});

const MAX_VALUE = 2000;

/** A Teams workflow/incoming-webhook body: one Adaptive Card, trimmed to stay under 28 KB. */
export function teamsBody(event: HookEvent): string {
	const facts = factsOf(event).map(([k, v]): [string, string] => [k, v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE - 1)}…` : v]);
	let kept = facts.length;
	let body = JSON.stringify(envelope(titleOf(event), facts, 0));
	while (Buffer.byteLength(body) > TEAMS_MAX_BYTES && kept > 0) {
		kept = Math.max(0, Math.floor(kept * 0.8));
		body = JSON.stringify(envelope(titleOf(event), facts.slice(0, kept), facts.length - kept));
	}
	return body;
}
