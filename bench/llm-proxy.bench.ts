import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createTokenSigner } from '../server/rooms/tokens';
import { startStandInUpstream } from '../tests/support/llm-upstream';
import { startRelayProcess } from './lib/relay-process';

// The latency the relay adds to one chat request (auth, checks, redaction of a typical explain-the-flags
// prompt, forwarding), against the same stand-in upstream called directly. The relay runs as its own process.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[2] ?? 200);
const secret = 'bench-secret-bench-secret-bench-secret';
const PROMPT = `Explain in plain language why respondent R-1042 was flagged.
Flags: straightlining (grid q5, 12 of 12 answers identical), speeder (4 min 10 s, median 13 min),
open end q12: "please mail the voucher to anna.kowalska77@wp.pl or call +48 601 234 567, Mein Name ist Ingeborg Wendt".
`.repeat(4);

const upstream = await startStandInUpstream();
upstream.reply = { text: 'The respondent answered every grid item the same and finished in a third of the median time.' };
const dataDir = mkdtempSync(path.join(tmpdir(), 'sieve-llm-bench-'));
const relay = await startRelayProcess(root, {
	DATA_DIR: dataDir,
	RELAY_SECRET: secret,
	LLM_BASE_URL: upstream.baseUrl,
	LLM_MODEL: 'bench',
	LLM_RATE_PER_MIN: String(N * 10)
});
const token = createTokenSigner({ secret }).issue('bench-room', 'owner', 3600).token;
const body = JSON.stringify({ model: 'bench', messages: [{ role: 'user', content: PROMPT }] });

async function time(url: string, headers: Record<string, string>): Promise<number[]> {
	const out: number[] = [];
	for (let i = 0; i < N + 20; i++) {
		const t = performance.now();
		const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
		await res.text();
		if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
		if (i >= 20) out.push(performance.now() - t);
	}
	return out.sort((a, b) => a - b);
}
const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(2);

try {
	const direct = await time(`${upstream.baseUrl}/chat/completions`, {});
	const proxied = await time(`${relay.origin}/llm/chat`, { authorization: `Bearer ${token}` });
	console.log(`| path (${N} requests, ${PROMPT.length} chars) | median ms | p95 ms |`);
	console.log('|---|---|---|');
	console.log(`| direct to upstream | ${q(direct, 0.5)} | ${q(direct, 0.95)} |`);
	console.log(`| through the relay | ${q(proxied, 0.5)} | ${q(proxied, 0.95)} |`);
	console.log(`| added by the relay | ${(Number(q(proxied, 0.5)) - Number(q(direct, 0.5))).toFixed(2)} | |`);
} finally {
	await relay.stop();
	await upstream.close();
	rmSync(dataDir, { recursive: true, force: true });
}
