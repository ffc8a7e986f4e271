import { actorExport } from '../audit/actor-export';
import { flattenAudit } from '../audit/audit-export';
import { ANOMALY_RULES, type Anomaly } from '../audit/anomalies';
import { feedbackFor } from '../audit/anomaly/feedback';
import { bucketEvents } from '../audit/buckets';
import type { DeviceEvent } from '../audit/events';
import { auditCsv, stringifyAudit } from '../audit/export';
import { auditPdf } from '../audit/pdf-report';
import { anomalyReport } from '../audit/overview';
import type { RiskLevel } from '../audit/risk';
import { buildSearchIndex, searchEvents } from '../audit/search/index';
import { dailySummary } from '../audit/summary';
import { timeline, timelineEntry, type TimelineEntry } from '../audit/timeline';
import type { AuditVerdict } from '../audit/verify-audit';
import { auditBrokenEvent, reportProjectEventOnce } from '../notifications/report';
import { getAuditLog, type AuditLog } from '../store/audit-log';
import { Live } from '../store/live.svelte';

export type AuditDownload = { name: string; blob: Blob };
export type AuditFormat = 'audit-json' | 'audit-csv' | 'audit-pdf';

/** The audit trail of one project as the audit view shows it: live events, filters, verification, exports. */
export class AuditView {
	/** Filters; empty strings mean "any". `from`/`to` are `YYYY-MM-DD` days in the viewer's zone. */
	type = $state('');
	actor = $state('');
	from = $state('');
	to = $state('');
	risk = $state<RiskLevel | ''>('');
	query = $state('');
	/** A question in words ("who excluded speeders last week"); when set, ranked hits replace the timeline. */
	search = $state('');

	verdict = $state.raw<AuditVerdict | null>(null);
	verifiedAt = $state<string | null>(null);
	verifying = $state(false);
	error = $state<string | null>(null);
	selected = $state.raw<TimelineEntry | null>(null);
	me = $state.raw<{ device: string; actor: string } | null>(null);
	summaryDay = $state('');

	readonly #live: Live<DeviceEvent[] | null>;
	readonly #rules = { ...ANOMALY_RULES, tzOffsetMinutes: -new Date().getTimezoneOffset() };

	constructor(
		readonly projectId: string,
		readonly log: AuditLog = getAuditLog()
	) {
		this.#live = new Live(async () => flattenAudit(await log.exportAudit(projectId)), null);
	}

	/** Every stored event of every chain, or null while loading. */
	get events(): DeviceEvent[] | null {
		return this.#live.current;
	}

	readonly entries = $derived.by(() =>
		timeline(this.events ?? [], {
			types: this.type ? [this.type] : undefined,
			actors: this.actor ? [this.actor] : undefined,
			from: this.from ? `${this.from}T00:00:00` : undefined,
			to: this.to ? `${this.to}T23:59:59.999` : undefined,
			risk: this.risk || undefined,
			query: this.query || undefined
		})
	);
	readonly types = $derived([...new Set((this.events ?? []).map((e) => e.type))].sort());
	readonly actors = $derived([...new Set((this.events ?? []).map((e) => e.actor))].sort());
	readonly buckets = $derived(bucketEvents(this.entries, this.#rules.tzOffsetMinutes));
	/** Flags still open, and those a "not a problem" silenced. */
	readonly anomalies = $derived(anomalyReport(this.events ?? [], this.#rules));
	readonly #searching = $derived(this.search.trim() !== '');
	// Built once per change of the log, not per keystroke.
	readonly #index = $derived.by(() => (this.#searching ? buildSearchIndex(this.events ?? []) : null));
	readonly searchResult = $derived.by(() => {
		if (!this.#index) return null;
		const result = searchEvents(this.#index, this.search, { tzOffsetMinutes: this.#rules.tzOffsetMinutes, limit: 50 });
		return { ...result, hits: result.hits.map((h) => ({ ...h, entry: timelineEntry(h.event) })) };
	});
	readonly days = $derived([...new Set(this.entries.map((e) => this.#dayOf(e.time)))].sort().reverse());
	readonly summary = $derived.by(() => {
		const day = this.summaryDay || this.days[0];
		return day ? dailySummary(this.events ?? [], day, this.#rules) : '';
	});

	#dayOf(time: string): string {
		return new Date(Date.parse(time) + this.#rules.tzOffsetMinutes * 60_000).toISOString().slice(0, 10);
	}

	/** Opening the view: verifies, then records the opening with the verdict. */
	async open(): Promise<void> {
		this.me = await this.log.identity();
		const ok = await this.#verify();
		await this.log.recordEvent(this.projectId, 'audit-view', { view: 'timeline', ok });
	}

	async verify(): Promise<void> {
		const ok = await this.#verify();
		await this.log.recordEvent(this.projectId, 'audit-view', { view: 'verify', ok });
	}

	async #verify(): Promise<boolean> {
		this.verifying = true;
		this.error = null;
		try {
			this.verdict = (await this.log.verify(this.projectId)).verdict;
			this.verifiedAt = new Date().toISOString();
			if (!this.verdict.ok) reportProjectEventOnce(this.projectId, 'audit.broken', auditBrokenEvent(this.verdict));
			return this.verdict.ok;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		} finally {
			this.verifying = false;
		}
	}

	/** Narrows the timeline to the actor and days of a flagged stretch. */
	showAnomaly(a: Anomaly): void {
		this.actor = a.actor;
		this.from = this.#dayOf(a.from);
		this.to = this.#dayOf(a.to);
	}

	/** Records a "not a problem" on a flag as an audit event; it and similar flags then move to the dismissed list. */
	async dismiss(a: Anomaly, note?: string): Promise<void> {
		await this.log.recordEvent(this.projectId, 'anomaly-feedback', feedbackFor(a, note?.trim() || undefined));
	}

	async setActor(name: string): Promise<void> {
		this.me = await this.log.setActor(name);
	}

	/** Records the export, then builds the file from the chains as stored (so it includes its own export event). */
	async download(format: AuditFormat): Promise<AuditDownload> {
		await this.log.recordEvent(this.projectId, 'export', { format, identifying: [] });
		const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
		const base = `audit-${this.projectId.slice(0, 8)}-${stamp}`;
		if (format === 'audit-pdf') {
			const { audit, verdict } = await this.log.verify(this.projectId);
			this.verdict = verdict;
			return {
				name: `${base}.pdf`,
				blob: new Blob([auditPdf(audit, verdict, { rules: this.#rules }) as Uint8Array<ArrayBuffer>], { type: 'application/pdf' })
			};
		}
		const audit = await this.log.exportAudit(this.projectId, { withArchives: true });
		return format === 'audit-json'
			? { name: `${base}.json`, blob: new Blob([stringifyAudit(audit)], { type: 'application/json' }) }
			: { name: `${base}.csv`, blob: new Blob([auditCsv(audit)], { type: 'text/csv' }) };
	}

	/** Everything the trail holds about one person, as JSON; the request is recorded first, so the file lists it too. */
	async downloadActor(actor: string): Promise<AuditDownload> {
		await this.log.recordEvent(this.projectId, 'export', { format: 'audit-actor', identifying: [], subject: actor });
		const data = actorExport(await this.log.exportAudit(this.projectId, { withArchives: true }), actor);
		const safe = actor.replace(/[^\p{L}\p{N}_-]+/gu, '_').slice(0, 40) || 'actor';
		return {
			name: `audit-${this.projectId.slice(0, 8)}-${safe}.json`,
			blob: new Blob([JSON.stringify(data, null, 1)], { type: 'application/json' })
		};
	}

	/** Moves this device's events before `day` (YYYY-MM-DD, the viewer's midnight) to an archive kept in this browser; returns how many. */
	async archiveBefore(day: string): Promise<number> {
		const moved = await this.log.archive(this.projectId, new Date(`${day}T00:00:00`).toISOString());
		await this.#verify();
		return moved?.chains.reduce((n, c) => n + c.events.length, 0) ?? 0;
	}

	/** The archives as files, oldest first; recorded as an AUDIT JSON export. */
	async downloadArchives(): Promise<AuditDownload[]> {
		const files = await this.log.archives(this.projectId);
		if (files.length) await this.log.recordEvent(this.projectId, 'export', { format: 'audit-json', file: 'archives', identifying: [] });
		return files.map((f) => ({ name: f.name, blob: new Blob([f.text], { type: 'application/json' }) }));
	}
}
