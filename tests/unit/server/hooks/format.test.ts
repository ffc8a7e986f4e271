import { describe, expect, it } from 'vitest';
import { renderBody, type HookEvent } from '../../../../server/hooks/format';
import { escapeSlack, SLACK_SECTION_MAX } from '../../../../server/hooks/format/slack';
import { TEAMS_MAX_BYTES } from '../../../../server/hooks/format/teams';

const event = (data: Record<string, unknown>): HookEvent => ({
	type: 'check-run.finished',
	timestamp: '2026-12-08T01:00:00.000Z',
	room: 'room-1',
	data
});

interface SlackBody {
	text: string;
	blocks: Array<{ type: string; text: { type: string; text: string } }>;
}

describe('renderBody', () => {
	it('generic: exactly {type, timestamp, room, data}', () => {
		expect(JSON.parse(renderBody('generic', event({ findings: 12, checks: ['speeders'] })))).toEqual({
			type: 'check-run.finished',
			timestamp: '2026-12-08T01:00:00.000Z',
			room: 'room-1',
			data: { findings: 12, checks: ['speeders'] }
		});
	});

	it('slack: text present, survey strings escaped so <!channel> and mentions never ping', () => {
		const body = JSON.parse(renderBody('slack', event({ variable: '<!channel> & <@U024BE7LH>', flagged: 3 }))) as SlackBody;
		expect(body.text).toBe('Sieve: Check run finished (project room room-1)');
		const section = body.blocks[0]!.text.text;
		expect(section).toContain('&lt;!channel&gt; &amp; &lt;@U024BE7LH&gt;');
		expect(section).not.toMatch(/<|>/);
		expect(section).toContain('• flagged: 3');
		expect(escapeSlack('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
	});

	it('slack: a section never exceeds 3,000 characters, even with many ids', () => {
		const ids = Array.from({ length: 200 }, (_, i) => `respondent-${i}-${'x'.repeat(100)}`);
		const body = JSON.parse(renderBody('slack', event({ ids, more: ids }))) as SlackBody;
		expect(body.blocks[0]!.text.text.length).toBe(SLACK_SECTION_MAX);
		expect(body.blocks[0]!.text.text.endsWith('…')).toBe(true);
	});

	it('teams: an Adaptive Card envelope under 28 KB, saying what was left out', () => {
		const data = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`field${i}`, Array.from({ length: 200 }, (_, j) => `id-${j}`)]));
		const body = renderBody('teams', event(data));
		expect(Buffer.byteLength(body)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
		const parsed = JSON.parse(body) as {
			type: string;
			attachments: Array<{ contentType: string; content: { type: string; body: Array<{ text?: string }> } }>;
		};
		expect(parsed.type).toBe('message');
		expect(parsed.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
		expect(parsed.attachments[0]!.content.type).toBe('AdaptiveCard');
		expect(parsed.attachments[0]!.content.body.at(-1)!.text).toMatch(/^\d+ more fields left out \(message size limit\)$/);
		const small = JSON.parse(renderBody('teams', event({ flagged: 3 }))) as typeof parsed;
		expect(small.attachments[0]!.content.body).toHaveLength(2);
	});
});
