/**
 * A forward-only scan of an XML stream: tags and text in document order, no tree and no
 * recursion, so a sheet of millions of rows costs only the rows the caller keeps.
 */
export interface XmlHandler {
	/** Element name without its namespace prefix; `attrs` is the raw attribute text. */
	open(name: string, attrs: string, selfClosing: boolean): void;
	close(name: string): void;
	/** Raw character data (entities still escaped) between two tags. */
	text(raw: string): void;
}

export async function scanXml(stream: ReadableStream<Uint8Array>, handler: XmlHandler): Promise<void> {
	const reader = stream.getReader();
	const decoder = new TextDecoder();
	let buf = '';
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		buf = consume(buf + decoder.decode(value, { stream: true }), handler);
	}
	if (buf.trim()) consume(buf, handler, true);
}

/** Handles every complete piece of `buf`; returns the incomplete rest. */
function consume(buf: string, h: XmlHandler, final = false): string {
	let pos = 0;
	for (;;) {
		const lt = buf.indexOf('<', pos);
		if (lt < 0) {
			if (final) h.text(buf.slice(pos));
			return final ? '' : buf.slice(pos);
		}
		if (lt > pos) h.text(buf.slice(pos, lt));
		pos = lt;
		if (buf.startsWith('<![CDATA[', pos)) {
			const end = buf.indexOf(']]>', pos);
			if (end < 0) return buf.slice(pos);
			h.text(escapeText(buf.slice(pos + 9, end)));
			pos = end + 3;
			continue;
		}
		const closer = buf.startsWith('<!--', pos) ? '-->' : buf[pos + 1] === '?' ? '?>' : '>';
		const end = buf.indexOf(closer, pos);
		if (end < 0) return buf.slice(pos);
		if (closer === '>') tag(buf.slice(pos + 1, end), h);
		pos = end + closer.length;
	}
}

function tag(body: string, h: XmlHandler): void {
	if (body.startsWith('!')) return;
	if (body.startsWith('/')) return h.close(localName(body.slice(1).trim()));
	const selfClosing = body.endsWith('/');
	const inner = selfClosing ? body.slice(0, -1) : body;
	const space = inner.search(/\s/);
	const name = localName(space < 0 ? inner : inner.slice(0, space));
	h.open(name, space < 0 ? '' : inner.slice(space), selfClosing);
	if (selfClosing) h.close(name);
}

function localName(qualified: string): string {
	const colon = qualified.indexOf(':');
	return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function escapeText(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
	if (!s.includes('&')) return s;
	return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
		e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m)
	);
}

const ALL_ATTRIBUTES = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Every attribute of raw attribute text, unescaped, by local name (one pass: used per cell). */
export function attributes(attrs: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of attrs.matchAll(ALL_ATTRIBUTES)) out[m[1]] = unescapeXml(m[2] ?? m[3]);
	return out;
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** The value of attribute `name` (a fixed identifier, never user text) in raw attribute text, unescaped. */
export function attribute(attrs: string, name: string): string | undefined {
	let pattern = ATTRIBUTE_PATTERNS.get(name);
	if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
	const m = pattern.exec(attrs);
	return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}
