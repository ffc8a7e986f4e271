import { factsOf, titleOf, type HookEvent } from './summary';

/** Slack's limit on a section block's text. */
export const SLACK_SECTION_MAX = 3000;

/**
 * Slack escapes exactly these three; with them escaped, `<!channel>` or `<@U123>` in a survey
 * string is shown as text and never pings anyone.
 * @see https://api.slack.com/reference/surfaces/formatting#escaping
 */
export const escapeSlack = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** A Slack incoming-webhook body: `text` (notification fallback) and one Block Kit section. */
export function slackBody(event: HookEvent): string {
	const title = escapeSlack(titleOf(event));
	const lines = factsOf(event).map(([key, value]) => `• ${escapeSlack(key)}: ${escapeSlack(value)}`);
	// the bold title leads, so clipping the tail never leaves a * open; escapes come first, so a cut cannot unescape
	const section = clip(`*${title}*\n${lines.join('\n')}`.trimEnd(), SLACK_SECTION_MAX);
	return JSON.stringify({
		text: clip(title, SLACK_SECTION_MAX),
		blocks: [{ type: 'section', text: { type: 'mrkdwn', text: section } }]
	});
}
