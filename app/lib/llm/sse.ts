import type { ChatChunk } from '../../../server/protocol/llm';

/**
 * Reads a chat-completions event stream, calling `onDelta` with each piece of answer text in
 * order; resolves with the model the upstream named. Events may be cut anywhere across network chunks.
 */
export async function readChatStream(body: ReadableStream<Uint8Array>, onDelta: (text: string) => void): Promise<string | null> {
	const reader = body.getReader();
	const decoder = new TextDecoder();
	let buffer = '';
	let model: string | null = null;
	const event = (block: string) => {
		const data = block
			.split(/\r?\n/)
			.filter((l) => l.startsWith('data:'))
			.map((l) => l.slice(5).trimStart())
			.join('\n');
		if (!data || data === '[DONE]') return;
		const chunk = JSON.parse(data) as ChatChunk;
		model ??= chunk.model ?? null;
		const text = chunk.choices[0]?.delta.content;
		if (text) onDelta(text);
	};
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		buffer += decoder.decode(value, { stream: true });
		const blocks = buffer.split(/\r?\n\r?\n/);
		buffer = blocks.pop() ?? '';
		blocks.forEach(event);
	}
	if (buffer.trim()) event(buffer);
	return model;
}
