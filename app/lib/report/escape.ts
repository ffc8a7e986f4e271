const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML or SVG markup and attribute values: answers and labels may hold markup (SPEC §8). */
export function esc(text: unknown): string {
	return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
