import { ConnectorError } from './errors';
import type { PullRequest } from './types';

/** The platform's address joined with an API path; only http(s) URLs are accepted. */
export function platformUrl(req: PullRequest, path: string): string {
	let base: URL;
	try {
		base = new URL(req.baseUrl);
	} catch {
		throw new ConnectorError(`baseUrl ${JSON.stringify(req.baseUrl)} is not a URL`, 'permanent');
	}
	if (base.protocol !== 'https:' && base.protocol !== 'http:')
		throw new ConnectorError(`baseUrl must be http(s), got ${base.protocol}`, 'permanent');
	return `${base.origin}${base.pathname.replace(/\/+$/, '')}${path}`;
}

export function requireToken(req: PullRequest, what: string): string {
	const token = req.credentials.token?.trim();
	if (!token) throw new ConnectorError(`${what} is needed (credentials.token)`, 'auth');
	return token;
}

/** A platform timestamp as ISO-8601 UTC; `naiveIsUtc` for platforms that write UTC without a zone. */
export function isoTime(value: unknown, naiveIsUtc = true): string | null {
	if (typeof value !== 'string' || !value) return null;
	const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(value) || !naiveIsUtc ? value : `${value}Z`;
	const t = Date.parse(zoned);
	return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** `since` checked and normalised, so a typo fails before anything is fetched. */
export function sinceIso(req: PullRequest): string | null {
	if (!req.since) return null;
	const iso = isoTime(req.since);
	if (!iso) throw new ConnectorError(`since ${JSON.stringify(req.since)} is not an ISO-8601 time`, 'permanent');
	return iso;
}

export function malformed(where: string, what: string): ConnectorError {
	return new ConnectorError(`${where}: malformed answer (${what})`, 'permanent');
}

/** Question text as plain text: platforms allow HTML and line breaks in labels. */
export function plainLabel(text: unknown): string | null {
	if (typeof text !== 'string') return null;
	const t = text
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
	return t || null;
}
