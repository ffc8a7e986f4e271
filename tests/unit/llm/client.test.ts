import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPayloads } from '../../../app/lib/audit/events';
import { chatViaRelay, LlmError, redactMessages } from '../../../app/lib/llm/client';
import { askLlm, llmUnavailable, type LlmContext } from '../../../app/lib/llm/run';
import { getPrompt } from '../../../app/lib/prompts';
import { DEFAULT_LLM_CONFIG } from '../../../server/llm/config';
import { startStandInUpstream, type StandInUpstream } from '../../support/llm-upstream';
import { startRelay, type RunningRelay } from '../server/relay-harness';

const TEXT = 'Bitte an ingeborg.wendt@web.de schreiben oder 030 12345678 anrufen, IBAN DE89 3704 0044 0532 0130 00.';
let upstream: StandInUpstream;
let relay: RunningRelay;
let token: string;

beforeAll(async () => {
	upstream = await startStandInUpstream();
	relay = await startRelay({
		config: { llm: { ...DEFAULT_LLM_CONFIG, baseUrl: upstream.baseUrl, models: ['m1'], ratePerMinute: 10 } },
		log: () => {}
	});
	token = (await relay.createRoom()).token;
});
afterAll(async () => {
	await relay.stop();
	await upstream.close();
});

describe('chatViaRelay', () => {
	it('redacts before sending and restores the streamed answer, placeholders cut across chunks', async () => {
		upstream.calls.length = 0;
		upstream.reply = { chunkChars: 3 };
		const pieces: string[] = [];
		const r = await chatViaRelay({ origin: relay.httpUrl, token }, [{ role: 'user', content: TEXT }], { onText: (t) => pieces.push(t) });
		const sent = JSON.stringify(upstream.calls[0]!.body.messages);
		expect(sent).toContain('[EMAIL_1]');
		for (const secret of ['ingeborg', '12345678', '3704']) expect(sent).not.toContain(secret);
		expect(pieces.length).toBeGreaterThan(10);
		expect(pieces.join('')).toBe(`You said: ${TEXT}`);
		expect(r).toMatchObject({ text: `You said: ${TEXT}`, model: 'm1', redacted: { email: 1, phone: 1, iban: 1 } });
		expect(r.sent).toEqual(redactMessages([{ role: 'user', content: TEXT }]).sent);
	});

	it('restores a non-streamed answer too', async () => {
		upstream.reply = {};
		const r = await chatViaRelay({ origin: relay.httpUrl, token }, [{ role: 'user', content: TEXT }]);
		expect(r.text).toBe(`You said: ${TEXT}`);
	});

	it('turns a refusal into an LlmError with the relay message', async () => {
		const err = await chatViaRelay({ origin: relay.httpUrl, token }, [{ role: 'user', content: 'x' }], { model: 'other' }).catch(
			(e: unknown) => e
		);
		expect(err).toBeInstanceOf(LlmError);
		expect((err as LlmError).message).toBe('LLM: 400 model other is not allowed on this relay (allowed: m1)');
	});
});

describe('askLlm', () => {
	it('is unavailable with a one-line reason when off or not shared', () => {
		expect(llmUnavailable({ enabled: false, relay: null })).toMatch(/^The LLM is off for this project/);
		expect(llmUnavailable({ enabled: true, relay: null })).toMatch(/share this project first/);
	});

	it('records prompt id, version, model and counts, never the text, also for a failed call', async () => {
		const events: AuditPayloads['llm-call'][] = [];
		const ctx: LlmContext = {
			enabled: true,
			language: 'de-AT',
			model: '',
			relay: { origin: relay.httpUrl, token },
			record: async (p) => events.push(p)
		};
		upstream.calls.length = 0;
		const prompt = getPrompt('explain-flags', []);
		const r = await askLlm(ctx, 'explain-flags', prompt, { respondent: 'R-9', flags: `- Open ends: wrote ${TEXT}` }, 1);
		expect(upstream.calls[0]!.body.messages[0]!.content).toMatch(/^Du hilfst/);
		expect(r.text).toContain('ingeborg.wendt@web.de');
		expect(events[0]).toMatchObject({
			feature: 'explain-flags',
			prompt: 'explain-flags',
			version: 1,
			model: 'm1',
			via: 'llm',
			items: 1,
			ok: true,
			redacted: { email: 1, phone: 1, iban: 1 }
		});
		expect(JSON.stringify(events)).not.toMatch(/ingeborg|R-9|Du hilfst/);
		await expect(askLlm({ ...ctx, model: 'nope' }, 'explain-flags', prompt, { respondent: 'R-9', flags: '-' }, 1)).rejects.toThrow(
			/not allowed/
		);
		expect(events[1]).toMatchObject({ ok: false, model: 'nope' });
	});
});
