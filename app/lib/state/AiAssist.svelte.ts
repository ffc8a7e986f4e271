import type { ChatMessage } from '../../../server/protocol/llm';
import type { CollabSession } from '../collab/CollabSession.svelte';
import type { RespondentRow, RunSummary } from '../engine/api';
import { redactMessages } from '../llm/client';
import { explainFlagsLocally, explainFlagsVariables } from '../llm/features/explain-flags';
import { periodDays, summariseAuditLocally, summariseAuditVariables, type AuditPeriod } from '../llm/features/summarise-audit';
import { summariseReportLocally, summariseReportVariables } from '../llm/features/summarise-report';
import { promptMessages } from '../llm/messages';
import { askLlm, llmUnavailable, type LlmContext } from '../llm/run';
import { buildLibrary, getPrompt, publishPrompts, readDocPrompts, watchDocPrompts, type PromptId } from '../prompts';
import type { PromptVersionRecord } from '../prompts/types';
import { getAuditLog } from '../store/audit-log';
import { loadChains } from '../store/audit-store';
import { getDb } from '../store/db';
import type { LlmSettingsRow } from '../store/llm-rows';
import { LLM_OFF, loadLlmSettings, loadPromptVersions, saveLlmSettings, savePromptVersions } from '../store/prompts';
import { getEngine } from '../workers/clients';
import type { ProjectSession } from './ProjectSession.svelte';

/** A request waiting for the user's go: exactly the messages that will leave the device. */
export interface PendingCall {
	feature: PromptId;
	title: string;
	prompt: PromptId;
	version: number;
	lang: string;
	sent: ChatMessage[];
	vars: Record<string, string>;
	items: number;
}

/** The answer shown, with where it came from. */
export interface AiAnswer {
	title: string;
	text: string;
	via: 'llm' | 'local';
	prompt?: string;
	version?: number;
	model?: string;
}

/** The AI page's state: the project's LLM switch, its prompt versions, and the two features. */
export class AiAssist {
	settings = $state.raw<LlmSettingsRow>(LLM_OFF(''));
	versions = $state.raw<PromptVersionRecord[]>([]);
	summary = $state.raw<RunSummary | null>(null);
	flagged = $state.raw<RespondentRow[]>([]);
	pending = $state.raw<PendingCall | null>(null);
	answer = $state.raw<AiAnswer | null>(null);
	busy = $state(false);
	error = $state<string | null>(null);

	constructor(
		private readonly session: ProjectSession,
		private readonly collab: CollabSession
	) {}

	get library() {
		return buildLibrary(this.versions);
	}

	/** Owners (and local projects) edit prompts; reviewers use them. */
	get canEditPrompts(): boolean {
		return this.collab.role === 'owner' || this.collab.role === 'local';
	}

	get unavailable(): string | null {
		if (this.collab.role === 'viewer') return 'Viewers cannot use the LLM: ask the owner for a reviewer invite.';
		return llmUnavailable(this.#context());
	}

	async load(): Promise<void> {
		const id = this.session.projectId;
		this.settings = await loadLlmSettings(getDb(), id);
		this.summary = (await getDb().checkRuns.get(id))?.summary ?? null;
		if (this.summary) {
			const res = await getEngine().respondents({ offset: 0, limit: 50, order: 'score' });
			this.flagged = res.rows.filter((r) => r.reasons.length > 0);
		}
		await this.syncPrompts();
	}

	async setSettings(change: Partial<Omit<LlmSettingsRow, 'projectId'>>): Promise<void> {
		const next = { ...this.settings, ...change, projectId: this.session.projectId };
		await saveLlmSettings(getDb(), next);
		this.settings = next;
	}

	/** Prompt versions flow both ways between this browser and the project doc (versions are only ever added). */
	async syncPrompts(): Promise<void> {
		const id = this.session.projectId;
		const doc = this.collab.status === 'ready' ? this.collab.doc : null;
		if (doc) {
			await savePromptVersions(getDb(), id, readDocPrompts(doc), 'received');
			if (this.collab.canEdit) publishPrompts(doc, await loadPromptVersions(getDb(), id));
		}
		this.versions = await loadPromptVersions(getDb(), id);
	}

	/** Keeps the page current while collaborators add prompt versions; returns the unsubscribe. */
	watch(): () => void {
		const doc = this.collab.status === 'ready' ? this.collab.doc : null;
		return doc ? watchDocPrompts(doc, () => void this.syncPrompts()) : () => {};
	}

	async addVersions(records: PromptVersionRecord[], how: 'edit' | 'rollback' | 'import'): Promise<void> {
		await savePromptVersions(getDb(), this.session.projectId, records, how);
		await this.syncPrompts();
	}

	explain(row: RespondentRow): void {
		const titles = new Map((this.summary?.outcomes ?? []).map((o) => [o.id, o.title]));
		const title = `Why respondent ${row.respondent} was flagged`;
		this.#start('explain-flags', title, explainFlagsVariables(row, titles), 1, () => explainFlagsLocally(row, titles));
	}

	summarise(): void {
		const summary = this.summary;
		if (!summary) return;
		const name = this.session.project?.file?.name ?? this.session.project?.name ?? 'dataset';
		this.#start('summarise-report', 'Summary of the check run', summariseReportVariables(name, summary), summary.outcomes.length, () =>
			summariseReportLocally(name, summary)
		);
	}

	/** The audit log of a day or of the seven days up to it (from this browser's copy of every chain). */
	async summariseAudit(period: AuditPeriod, day: string): Promise<void> {
		try {
			const days = new Set(periodDays(period, day));
			const chains = await loadChains(getDb(), this.session.projectId);
			const events = chains.flatMap((c) => c.events.map((e) => ({ ...e, device: c.device })));
			const items = events.filter((e) => days.has(e.time.slice(0, 10))).length;
			const title = period === 'day' ? `Audit log of ${day}` : `Audit log of the week to ${day}`;
			this.#start('summarise-audit', title, summariseAuditVariables(events, period, day), items, () =>
				summariseAuditLocally(events, period, day)
			);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Sends the pending call. */
	async send(): Promise<void> {
		const call = this.pending;
		if (!call || this.busy) return;
		this.busy = true;
		this.error = null;
		this.answer = { title: call.title, text: '', via: 'llm', prompt: call.prompt, version: call.version };
		try {
			const prompt = getPrompt(call.prompt, this.versions);
			const r = await askLlm(this.#context(), call.feature, prompt, call.vars, call.items, (t) => {
				if (this.answer) this.answer = { ...this.answer, text: this.answer.text + t };
			});
			this.answer = { title: call.title, text: r.text, via: 'llm', prompt: call.prompt, version: r.version, model: r.model };
			this.pending = null;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.busy = false;
		}
	}

	cancel(): void {
		this.pending = null;
	}

	#start(feature: PromptId, title: string, vars: Record<string, string>, items: number, local: () => string): void {
		this.error = null;
		if (this.unavailable) {
			this.pending = null;
			this.answer = { title, text: local(), via: 'local' };
			return;
		}
		const prompt = getPrompt(feature, this.versions);
		const built = promptMessages(prompt, this.settings.language, vars);
		this.answer = null;
		this.pending = {
			feature,
			title,
			prompt: feature,
			version: built.version,
			lang: built.lang,
			sent: redactMessages(built.messages).sent,
			vars,
			items
		};
	}

	#context(): LlmContext {
		const m = this.collab.membership;
		const projectId = this.session.projectId;
		return {
			enabled: this.settings.enabled,
			language: this.settings.language,
			model: this.settings.model,
			relay: m && m.role !== 'viewer' ? { origin: location.origin, token: m.token } : null,
			record: (payload) => getAuditLog().recordEvent(projectId, 'llm-call', payload)
		};
	}
}
