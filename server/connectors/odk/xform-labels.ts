import { plainLabel } from '../platform';

/**
 * Question labels from an XForm (ODK Central serves the form definition as XML): each body
 * control's `<label>`, either inline text or an itext reference resolved in the default (else
 * first) translation. Keyed by the control's `ref` path (`/data/group/question`).
 */
export function xformLabels(xml: string): Map<string, string> {
	const itext = translations(xml);
	const labels = new Map<string, string>();
	// an opening tag with a ref, then its label: nesting (groups around questions) does not matter
	const control = /<[A-Za-z][\w:]*\b[^>]*?\bref="([^"]+)"[^>]*>\s*<label\b([^>]*?)(?:\/>|>([\s\S]*?)<\/label>)/g;
	const body = xml.slice(Math.max(0, xml.search(/<h:body\b|<body\b/)));
	for (const [, ref, attrs, inline] of body.matchAll(control)) {
		if (!ref) continue;
		const textRef = attrs?.match(/ref="jr:itext\('([^']+)'\)"/)?.[1];
		const text = textRef ? itext.get(textRef) : inline;
		// XLSForm writes markup in labels as escaped text or as elements; both end as plain text
		const plain = text ? plainLabel(unescapeXml(text)) : null;
		if (plain) labels.set(ref, plain);
	}
	return labels;
}

function translations(xml: string): Map<string, string> {
	const out = new Map<string, string>();
	const blocks = [...xml.matchAll(/<translation\b([^>]*)>([\s\S]*?)<\/translation>/g)];
	const chosen = blocks.find((b) => /default="true\(\)"/.test(b[1] ?? '')) ?? blocks[0];
	if (!chosen?.[2]) return out;
	for (const t of chosen[2].matchAll(/<text\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/text>/g)) {
		const values = [...(t[2] ?? '').matchAll(/<value\b([^>]*)>([\s\S]*?)<\/value>/g)];
		const plain = values.find((v) => !/\bform=/.test(v[1] ?? '')) ?? values[0];
		if (t[1] && plain?.[2] !== undefined) out.set(t[1], plain[2]);
	}
	return out;
}

function unescapeXml(s: string): string {
	return s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}
