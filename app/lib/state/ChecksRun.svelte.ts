import { proxy } from 'comlink';
import type { CheckInfo, CheckProgress, RunSummary, SieveConfig } from '../engine/api';
import { checkRunEvent, reportProjectEvent } from '../notifications/report';
import { getMonitor } from '../monitor/monitor';
import { getAuditLog } from '../store/audit-log';
import { getDb } from '../store/db';
import { getEngine } from '../workers/clients';
import type { ProjectSession } from './ProjectSession.svelte';

export type CheckState = { state: 'pending' | 'running' | 'done'; ms?: number };

/** The checks page's state: the check list, a run in progress, and the last run's summary. */
export class ChecksRun {
	checks = $state.raw<CheckInfo[]>([]);
	summary = $state.raw<RunSummary | null>(null);
	progress = $state.raw<Record<string, CheckState>>({});
	running = $state(false);
	error = $state<string | null>(null);
	/** Checks ticked for the next run; all by default. */
	selected = $state<Record<string, boolean>>({});

	constructor(private readonly session: ProjectSession) {}

	async load(): Promise<void> {
		this.checks = await getEngine().listChecks();
		this.selected = Object.fromEntries(this.checks.map((c) => [c.id, true]));
		this.summary = (await getDb().checkRuns.get(this.session.projectId))?.summary ?? null;
	}

	async run(only?: string[]): Promise<void> {
		const { project, dictionary } = this.session;
		if (!project?.file || !dictionary || this.running) return;
		const list = only ?? this.checks.filter((c) => this.selected[c.id]).map((c) => c.id);
		if (list.length === 0) return;
		const config: SieveConfig = project.config ?? {};
		this.running = true;
		this.error = null;
		this.progress = Object.fromEntries(list.map((id) => [id, { state: 'pending' }]));
		const timings = getMonitor().forProject(this.session.projectId);
		try {
			const summary = await timings.time(
				'check run',
				() =>
					getEngine().runChecks(
						{ only: list.length === this.checks.length ? undefined : list, previous: this.summary },
						proxy((p: CheckProgress) => {
							this.progress = { ...this.progress, [p.id]: p.state === 'start' ? { state: 'running' } : { state: 'done', ms: p.ms } };
						})
					),
				{ checks: list.length, rows: this.session.rows }
			);
			for (const o of summary.outcomes.filter((o) => list.includes(o.id))) {
				timings.info('check finished', { check: o.id, version: o.version, durationMs: o.ms, flagged: o.flagged, rows: summary.rows });
			}
			const dataset = project.file.sha256 ?? project.file.name;
			const log = getAuditLog();
			await log.recordEvent(this.session.projectId, 'check-run', {
				dataset,
				checks: summary.outcomes
					.filter((o) => list.includes(o.id))
					.map((o) => ({ id: o.id, version: o.version, flagged: o.flagged, ms: o.ms }))
			});
			await log.recordEvent(this.session.projectId, 'check-results', { dataset, respondents: summary.rows, ...summary.verdicts }, () =>
				getDb().checkRuns.put({ projectId: this.session.projectId, summary, config })
			);
			this.summary = summary;
			void reportProjectEvent(this.session.projectId, 'check-run.finished', checkRunEvent(summary, list));
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.running = false;
		}
	}

	cancel(): void {
		void getEngine().cancelChecks();
	}
}
