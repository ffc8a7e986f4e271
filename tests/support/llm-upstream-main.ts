import { startStandInUpstream } from './llm-upstream';

// The stand-in LLM as its own process, for the e2e relay's LLM_BASE_URL (playwright.config.ts).
const port = Number(process.argv[2] ?? 4399);
const upstream = await startStandInUpstream(port);
upstream.reply = { chunkChars: 6, chunkDelayMs: 5 };
console.log(`stand-in LLM on ${upstream.baseUrl}`);
