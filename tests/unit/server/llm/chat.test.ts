import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PII_KINDS, type PiiKind } from '../../../../app/lib/text/pii';
import { DEFAULT_LLM_CONFIG, type LlmConfig } from '../../../../server/llm/config';
import type { ChatChunk, ChatResponse } from '../../../../server/protocol/llm';
import { startStandInUpstream, type StandInUpstream } from '../../../support/llm-upstream';
import { plantedPii } from '../../text/pii/planted';
import { startRelay, type RunningRelay } from '../relay-harness';
import { PROMPT_SET } from './personal-data-set';

const KEY = 'sk-test-relay-only-7f3a9c1d2e';
let upstream: StandInUpstream;
let clock = 1_800_000_000_000;
const logs: string[] = [];
const relays: RunningRelay[] = [];

async function relayWith(llm: Partial<LlmConfig> = {}) {
	const relay = await startRelay({
		now: () => clock,
		log: (line) => logs.push(line),
		config: {
			llm: { ...DEFAULT_LLM_CONFIG, baseUrl: upstream.baseUrl, apiKey: KEY, models: ['small', 'large'], defaultModel: 'small', ...llm }
		}
	});
	relays.push(relay);
	const { room, token } = await relay.createRoom();
	return { relay, room, owner: token };
}

function chat(relay: RunningRelay, token: string | null, body: unknown) {
	return fetch(`${relay.httpUrl}/llm/chat`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});
}

const ask = (text: string, extra: object = {}) => ({ messages: [{ role: 'user', content: text }], ...extra });
const sentText = () => JSON.stringify(upstream.calls.map((c) => c.body.messages));
// A value reached upstream when any of its words of three or more letters or digits did.
const leaked = (value: string, sent: string) => value.split(/[^\p{L}\p{N}]+/u).some((w) => w.length >= 3 && sent.includes(w));

beforeAll(async () => {
	upstream = await startStandInUpstream();
});
afterEach(async () => {
	upstream.calls.length = 0;
	upstream.reply = {};
	while (relays.length) await relays.pop()!.stop();
});
afterAll(() => upstream.close());

describe('POST /llm/chat', () => {
	it('answers 503 with a clear message when no upstream is configured', async () => {
		const { relay, owner } = await relayWith({ baseUrl: undefined });
		const res = await chat(relay, owner, ask('hi'));
		expect(res.status).toBe(503);
		expect(((await res.json()) as { error: string }).error).toMatch(/LLM_BASE_URL/);
	});

	it('admits owners and reviewers, not viewers or strangers', async () => {
		const { relay, room, owner } = await relayWith();
		expect((await chat(relay, null, ask('hi'))).status).toBe(401);
		expect((await chat(relay, 'forged.token', ask('hi'))).status).toBe(401);
		expect((await chat(relay, await relay.invite(room, owner, 'viewer'), ask('hi'))).status).toBe(403);
		expect((await chat(relay, await relay.invite(room, owner, 'reviewer'), ask('hi'))).status).toBe(200);
		expect(upstream.calls).toHaveLength(1);
	});

	it('sends the key upstream only, and never back, even inside an upstream error', async () => {
		const { relay, owner } = await relayWith();
		const ok = await chat(relay, owner, ask('hello'));
		expect(upstream.calls[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
		expect(upstream.calls[0]!.path).toBe('/v1/chat/completions');
		expect(JSON.stringify([...ok.headers]) + (await ok.text())).not.toContain(KEY);
		upstream.reply = {
			error: { status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}. Header was Bearer ${KEY}` } }) }
		};
		const bad = await chat(relay, owner, ask('hello'));
		expect(bad.status).toBe(401);
		const text = await bad.text();
		expect(text).not.toContain(KEY);
		expect(text).toContain('Incorrect API key provided: [redacted]');
	});

	it('applies the default model, refuses one off the allowlist and passes only sampling fields', async () => {
		const { relay, owner } = await relayWith();
		await chat(relay, owner, ask('hi', { temperature: 0.2, user: 'jo@example.com', metadata: { email: 'jo@example.com' } }));
		expect(upstream.calls[0]!.body).toEqual({
			model: 'small',
			stream: false,
			temperature: 0.2,
			messages: [{ role: 'user', content: 'hi' }]
		});
		const res = await chat(relay, owner, ask('hi', { model: 'gpt-huge' }));
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({ error: 'model gpt-huge is not allowed on this relay (allowed: small, large)' });
		expect((await chat(relay, owner, ask('hi', { model: 'large' }))).status).toBe(200);
		expect(upstream.calls.map((c) => c.body.model)).toEqual(['small', 'large']);
	});

	it('caps body size and message count, and names a malformed message', async () => {
		const { relay, owner } = await relayWith({ maxBodyBytes: 2048, maxMessages: 3 });
		expect((await chat(relay, owner, ask('x'.repeat(4000)))).status).toBe(413);
		const many = { messages: Array.from({ length: 4 }, () => ({ role: 'user', content: 'hi' })) };
		expect(await (await chat(relay, owner, many)).json()).toEqual({ error: 'at most 3 messages' });
		const image = { messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] };
		expect(await (await chat(relay, owner, image)).json()).toEqual({ error: 'messages[0]: only text parts are accepted' });
		expect((await chat(relay, owner, '{not json')).status).toBe(400);
		expect(upstream.calls).toHaveLength(0);
	});

	it('limits each token to LLM_RATE_PER_MIN in a sliding minute, with Retry-After', async () => {
		const { relay, room, owner } = await relayWith({ ratePerMinute: 3 });
		const reviewer = await relay.invite(room, owner, 'reviewer');
		for (const dt of [0, 20_000, 20_000]) {
			clock += dt;
			expect((await chat(relay, owner, ask('hi'))).status).toBe(200);
		}
		clock += 10_000;
		const refused = await chat(relay, owner, ask('hi'));
		expect(refused.status).toBe(429);
		expect(refused.headers.get('retry-after')).toBe('10');
		expect((await chat(relay, reviewer, ask('hi'))).status).toBe(200);
		clock += 10_000;
		expect((await chat(relay, owner, ask('hi'))).status).toBe(200);
		expect((await chat(relay, owner, ask('hi'))).status).toBe(429);
		expect(upstream.calls).toHaveLength(5);
	});

	it('answers 502 when the upstream cannot be reached', async () => {
		const { relay, owner } = await relayWith({ baseUrl: 'http://127.0.0.1:9/v1' });
		const res = await chat(relay, owner, ask('hi'));
		expect(res.status).toBe(502);
		expect(await res.text()).not.toContain(KEY);
	});

	it('passes a streamed answer through as server-sent events, chunks in order', async () => {
		const { relay, owner } = await relayWith();
		const text = 'One, two, three, four, five, six, seven, eight, nine, ten.';
		upstream.reply = { text, chunkChars: 5, chunkDelayMs: 2 };
		const res = await chat(relay, owner, ask('count', { stream: true }));
		expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const raw = await res.text();
		const data = raw
			.split('\n\n')
			.filter((e) => e.startsWith('data: '))
			.map((e) => e.slice(6));
		expect(data.at(-1)).toBe('[DONE]');
		const chunks = data.slice(0, -1).map((d) => JSON.parse(d) as ChatChunk);
		expect(chunks).toHaveLength(Math.ceil(text.length / 5) + 1);
		expect(chunks.map((c) => c.choices[0]!.delta.content ?? '').join('')).toBe(text);
		expect(upstream.calls[0]!.body.stream).toBe(true);
	});

	it('redacts every text part before the upstream call and never restores', async () => {
		const { relay, owner } = await relayWith();
		const body = {
			messages: [
				{ role: 'system', content: 'Explain the flags. Contact: jo.doe@example.org' },
				{ role: 'user', content: [{ type: 'text', text: 'Data: IBAN DE89 3704 0044 0532 0130 00 and again jo.doe@example.org' }] }
			]
		};
		const res = (await (await chat(relay, owner, body)).json()) as ChatResponse;
		expect(upstream.calls[0]!.body.messages).toEqual([
			{ role: 'system', content: 'Explain the flags. Contact: [EMAIL_1]' },
			{ role: 'user', content: [{ type: 'text', text: 'Data: IBAN [IBAN_1] and again [EMAIL_1]' }] }
		]);
		expect(res.choices[0]!.message.content).toBe('You said: Data: IBAN [IBAN_1] and again [EMAIL_1]');
	});

	it('keeps placeholders the app made and numbers what it left after them', async () => {
		const { relay, owner } = await relayWith();
		await chat(relay, owner, ask('[EMAIL_1] wrote, and later ann@example.com; ask [NAME_1]'));
		expect(upstream.calls[0]!.body.messages[0]!.content).toBe('[EMAIL_1] wrote, and later [EMAIL_2]; ask [NAME_1]');
	});

	it('lets no planted personal data of the prompt test set reach the upstream (recall per kind)', async () => {
		const { relay, owner } = await relayWith({ ratePerMinute: 10_000 });
		logs.length = 0;
		const hidden = new Map<PiiKind, [number, number]>();
		const misses: string[] = [];
		const score = async (text: string, planted: [PiiKind, string][]) => {
			upstream.calls.length = 0;
			await chat(relay, owner, ask(text));
			const sent = sentText();
			for (const [kind, value] of planted) {
				const [h = 0, n = 0] = hidden.get(kind) ?? [];
				const leak = leaked(value, sent);
				hidden.set(kind, [h + (leak ? 0 : 1), n + 1]);
				if (leak) misses.push(`${kind}: ${value}`);
			}
		};
		for (const p of PROMPT_SET) await score(p.text, p.planted);
		const handWrittenMisses = [...misses];
		for (const p of plantedPii(19, 12))
			await score(
				p.text,
				p.truth.map((t) => [t.kind, t.value])
			);
		const table = Object.fromEntries(PII_KINDS.map((k) => [k, `${hidden.get(k)?.[0]}/${hidden.get(k)?.[1]}`]));
		console.info('llm redaction recall (values with no word reaching upstream)', table, 'misses', misses);
		for (const k of ['email', 'phone', 'iban', 'card', 'ip', 'url', 'id'] as const) expect(hidden.get(k)?.[0], k).toBe(hidden.get(k)?.[1]);
		expect(handWrittenMisses).toEqual(['address: 12 rue Victor Hugo', 'name: Femke de Vries']);
		for (const k of ['name', 'address'] as const) expect(hidden.get(k)![0] / hidden.get(k)![1], k).toBeGreaterThanOrEqual(0.8);
		expect(logs.length).toBeGreaterThan(PROMPT_SET.length);
		for (const line of logs) expect(line).toMatch(/^llm chat \d{3} model=small stream=false ms=\d+ redacted=\{[^}]*\}$/);
		expect(logs.join('\n')).not.toContain(KEY);
	});
});
