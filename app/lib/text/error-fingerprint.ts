const FRAMES = 3;

/** The message without what varies between occurrences: numbers, hex ids, quoted text. */
function messageShape(message: string): string {
	return message
		.replace(/(["'`]).*?\1/g, '?')
		.replace(/\b0x[0-9a-f]+\b|\b[0-9a-f]{8,}\b/gi, '#')
		.replace(/\d+(\.\d+)?/g, '#')
		.slice(0, 300);
}

/** The function names of the top stack frames (V8 `at fn (…)` and Firefox `fn@…`), without files or line numbers. */
function topFrames(stack: string | undefined): string {
	if (!stack) return '';
	const names: string[] = [];
	for (const line of stack.split('\n')) {
		const m = line.match(/^\s*at (?:async )?([^\s(]+) \(/) ?? line.match(/^([^@\s]*)@/);
		if (m) names.push(m[1] || '<anonymous>');
		if (names.length === FRAMES) break;
	}
	return names.join('>');
}

/** FNV-1a, 64 bits as 16 hex digits: stable, synchronous, the same in browser and relay. */
function fnv64(text: string): string {
	let h = 0xcbf29ce484222325n;
	for (let i = 0; i < text.length; i++) {
		h ^= BigInt(text.charCodeAt(i));
		h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
	}
	return h.toString(16).padStart(16, '0');
}

/**
 * Groups errors of one kind: the same name, message shape (numbers, ids and quoted text left out)
 * and top three function names give the same 16-hex fingerprint.
 * @example errorFingerprint({ name: 'TypeError', message: 'row 12 bad' }) === errorFingerprint({ name: 'TypeError', message: 'row 977 bad' })
 */
export function errorFingerprint(error: { name: string; message: string; stack?: string }): string {
	return fnv64(`${error.name}\u0000${messageShape(error.message)}\u0000${topFrames(error.stack)}`);
}
