import { DEFAULT_PHONE_COUNTRIES, detectPii, maskValue, PII_KINDS, type PiiKind } from '../../text/pii';
import { distinctAnswers } from '../text/distinct-answers';
import { about, aboutVariable } from './finding';
import { defineCheck, type Finding } from './types';

const LABEL: Record<PiiKind, string> = {
	email: 'e-mail',
	url: 'URL',
	iban: 'IBAN',
	card: 'card number',
	ip: 'IP address',
	id: 'national id',
	phone: 'phone number',
	address: 'postal address',
	name: 'person name'
};

export default defineCheck({
	id: 'pii',
	version: 1,
	title: 'Personal data in open ends',
	description:
		'E-mail addresses, phone numbers, IBANs and card numbers (checksums), national ids (check digits), IP and postal addresses, URLs and person names in open ends. Findings name the kind and show the value masked.',
	category: 'text',
	severity: 'warning',
	needs: ['open-ends'],
	params: {
		kinds: { type: 'string[]', default: [...PII_KINDS], description: `kinds to look for: ${PII_KINDS.join(', ')}` },
		phoneCountries: {
			type: 'string[]',
			default: [...DEFAULT_PHONE_COUNTRIES],
			description: 'countries (ISO 3166) whose national phone formats are recognised; +… numbers always are'
		}
	},
	async run(ctx) {
		const kinds = (ctx.params.kinds as string[]).filter((k): k is PiiKind => (PII_KINDS as readonly string[]).includes(k));
		const phoneCountries = ctx.params.phoneCountries as string[];
		const out: Finding[] = [];
		for (const name of ctx.roles.openEnds) {
			const { texts, start, rows } = await distinctAnswers(ctx, name);
			const counts = new Map<PiiKind, number>();
			for (let k = 0; k < texts.length; k++) {
				const matches = detectPii(texts[k], { kinds, phoneCountries });
				if (matches.length === 0) continue;
				const found = [...new Set(matches.map((m) => m.kind))];
				const items = matches.map((m) => ({ kind: m.kind, detail: m.detail, masked: maskValue(m.kind, texts[k].slice(m.start, m.end)) }));
				const n = start[k + 1] - start[k];
				for (const kind of found) counts.set(kind, (counts.get(kind) ?? 0) + n);
				const message = `${name}: personal data (${found.map((x) => LABEL[x]).join(', ')}): ${items.map((i) => i.masked).join(', ')}`;
				for (let j = start[k]; j < start[k + 1]; j++)
					out.push(
						about(ctx, 'pii', rows[j], { variable: name, severity: 'warning', score: 0.5, message, evidence: { kinds: found, items } })
					);
			}
			if (counts.size)
				out.push(
					aboutVariable('pii', name, {
						severity: 'info',
						score: 0,
						message: `${name}: ${[...counts].map(([k, n]) => `${n} × ${LABEL[k]}`).join(', ')}; mask them on export`,
						evidence: { counts: Object.fromEntries(counts) }
					})
				);
		}
		return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
	}
});
