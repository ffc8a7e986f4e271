import { malformed } from './platform';
import type { ConnectorContext, Page } from './types';

/** How one platform pages by offset (Kobo `start`, ODK `$skip`). */
export interface OffsetPaging<P> {
	url: (offset: number) => string;
	headers: Record<string, string>;
	/** the page's submissions, or undefined when the page does not have the expected shape */
	list: (page: P) => unknown;
	total: (page: P) => number | null;
	/** whether the platform says another page follows */
	more: (page: P) => boolean;
	record: (submission: Record<string, unknown>) => Record<string, unknown>;
}

/** Requests pages at growing offsets until the platform says none follows. */
export async function* offsetPages<P>(ctx: ConnectorContext, p: OffsetPaging<P>): AsyncGenerator<Page> {
	for (let offset = 0; ;) {
		const url = p.url(offset);
		const page = await ctx.http.json<P>(url, { headers: p.headers });
		const list = page && typeof page === 'object' ? p.list(page) : undefined;
		if (!Array.isArray(list)) throw malformed(url, 'no list of submissions');
		const records = list.map((s, i) => {
			if (!s || typeof s !== 'object' || Array.isArray(s)) throw malformed(url, `submission ${offset + i} is not an object`);
			return p.record(s as Record<string, unknown>);
		});
		yield { records, total: p.total(page) };
		offset += records.length;
		if (!p.more(page) || records.length === 0) return;
	}
}
