import { getMonitor } from '../monitor/monitor';
import type { LogRow } from '../monitor/log-db';
import { checkTimings, diagnosticReport, errorGroups } from '../monitor/summaries';
import type { LogLevel } from '../monitor/types';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/** The Diagnostics page: the local log with filters, error groups, check timings and shipping consent. */
export class DiagnosticsView {
	entries = $state.raw<LogRow[] | null>(null);
	level = $state<LogLevel>('debug');
	query = $state('');
	/** only this project's entries */
	thisProject = $state(true);
	shipProject = $state(false);
	shipDevice = $state(false);
	stats = $state.raw<{ entries: number; bytes: number } | null>(null);
	copied = $state(false);

	constructor(readonly projectId: string) {}

	readonly shown = $derived.by(() => {
		const q = this.query.trim().toLowerCase();
		return (this.entries ?? []).filter(
			(e) =>
				RANK[e.level] >= RANK[this.level] &&
				(!this.thisProject || e.projectId === this.projectId) &&
				(!q || e.message.toLowerCase().includes(q) || (e.error?.message.toLowerCase().includes(q) ?? false))
		);
	});
	readonly groups = $derived(errorGroups(this.shown));
	readonly timings = $derived(checkTimings((this.entries ?? []).filter((e) => e.projectId === this.projectId)));

	get trace(): string {
		return getMonitor().trace;
	}

	async load(): Promise<void> {
		const m = getMonitor();
		this.entries = await m.ring.list({ limit: 5000 });
		this.stats = await m.ring.stats();
		this.shipProject = m.shipping(this.projectId);
		this.shipDevice = m.shipping(null);
	}

	async setShipping(scope: 'project' | 'device', enabled: boolean): Promise<void> {
		await getMonitor().setShipping(scope === 'project' ? this.projectId : null, enabled);
		if (scope === 'project') this.shipProject = enabled;
		else this.shipDevice = enabled;
	}

	report(): string {
		return diagnosticReport(this.shown, { userAgent: navigator.userAgent, trace: this.trace, now: new Date().toISOString() });
	}

	async copyReport(): Promise<void> {
		await navigator.clipboard.writeText(this.report());
		this.copied = true;
	}

	async clear(): Promise<void> {
		await getMonitor().ring.clear();
		await this.load();
	}
}
