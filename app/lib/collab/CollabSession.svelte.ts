import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import type { Role } from '../../../server/protocol/rooms';
import { onReplicaChange } from '../audit/replicate-ydoc';
import { recordEvent } from '../store/audit-log';
import { replicateAudit } from '../store/audit-replication';
import { getDb, type CollabRoomRow } from '../store/db';
import { getDeviceIdentity, setActorName, DEFAULT_ACTOR } from '../store/device';
import { colourFor, Presence } from './awareness';
import { approversOf, reviewOf } from './doc';
import { openLocalDoc, type LocalDoc } from './local';
import { createInvite, createRoom, getMembership, leaveRoom, saveMembership } from './membership';
import {
	addComment,
	assign,
	proposeDecisions,
	readAssignments,
	readComments,
	readDecisions,
	respondentStates,
	reviewDecisions,
	setApprover,
	setReviewStatus,
	unassign,
	withdrawDecisions
} from './ops';
import { RoomLink } from './provider';
import { RENEW_RETRY_MS, renewalDelay, renewToken } from './renewal';
import { inviteLink, relayWsUrl } from './token';
import type { Actor, Assignment, Comment, CommentTarget, Decision, DecisionInput, ReviewState, ReviewStatus } from './types';
import { createUndo } from './undo';
import { auditedStep, decisionStep } from './undo-audit';
import { planBulk, type BulkPlan, type BulkTarget } from './bulk';
import { reportProjectEvent } from '../notifications/report';

/**
 * The open project's review state: its Y.Doc (local first, linked to a relay room when shared),
 * presence and undo. Reads are reactive through one `createSubscriber` over the doc's updates.
 */
export class CollabSession {
	status = $state<'opening' | 'ready' | 'error'>('opening');
	error = $state<string | null>(null);
	me = $state('');
	device = '';
	membership = $state.raw<CollabRoomRow | null>(null);
	link = $state.raw<RoomLink | null>(null);
	presence = $state.raw<Presence | null>(null);
	/** Whether undo/redo have something to do (updated with the doc). */
	canUndo = $state(false);
	canRedo = $state(false);

	#local: LocalDoc | null = null;
	#undo: Y.UndoManager | null = null;
	#version = 0;
	#cache = new Map<string, { version: number; value: unknown }>();
	#subscribe: () => void = () => {};
	#stopReplica: () => void = () => {};
	#closed = false;
	#renewal: ReturnType<typeof setTimeout> | undefined;

	constructor(readonly projectId: string) {}

	get doc(): Y.Doc | null {
		return this.#local?.doc ?? null;
	}

	get role(): Role | 'local' {
		return this.membership?.role ?? 'local';
	}

	get canEdit(): boolean {
		return this.role !== 'viewer';
	}

	get canApprove(): boolean {
		if (this.role === 'viewer') return false;
		if (this.role === 'owner' || this.role === 'local') return true;
		return this.#cached('approvers', () => approversOf(this.doc!).has(this.me));
	}

	async open(): Promise<void> {
		try {
			const db = getDb();
			const [local, identity, membership] = await Promise.all([
				openLocalDoc(this.projectId),
				getDeviceIdentity(db),
				getMembership(db, this.projectId)
			]);
			if (this.#closed) return void local.destroy();
			this.#local = local;
			this.me = identity.actor === DEFAULT_ACTOR ? '' : identity.actor;
			this.device = identity.device;
			this.#undo = createUndo(local.doc);
			const refreshUndo = () => {
				this.canUndo = this.#undo!.canUndo();
				this.canRedo = this.#undo!.canRedo();
			};
			this.#undo.on('stack-item-added', refreshUndo);
			this.#undo.on('stack-item-popped', refreshUndo);
			// the version moves on every update, watched or not: the doc keeps syncing while no page reads it
			local.doc.on('update', () => this.#version++);
			this.#subscribe = createSubscriber((update) => {
				local.doc.on('update', update);
				return () => local.doc.off('update', update);
			});
			this.membership = membership ?? null;
			if (membership) this.#connect(membership);
			this.#replicate();
			this.#stopReplica = onReplicaChange(local.doc, () => this.#replicate());
			this.status = 'ready';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}

	#connect(m: CollabRoomRow): void {
		this.link?.destroy();
		const link = new RoomLink(this.doc!, { serverUrl: relayWsUrl(location.origin), room: m.room, token: m.token });
		this.link = link;
		const name = this.me || 'anonymous';
		this.presence = new Presence(link.provider.awareness, { name, colour: colourFor(name), row: null, role: m.role });
		this.#scheduleRenewal(renewalDelay(m.exp));
	}

	// Join tokens live a day: while the project is open, trade the token for a fresh one at half its life.
	#scheduleRenewal(delay: number): void {
		clearTimeout(this.#renewal);
		this.#renewal = setTimeout(() => void this.#renewNow(), delay);
	}

	async #renewNow(): Promise<void> {
		const m = this.membership;
		if (!m || this.#closed) return;
		let renewed;
		try {
			renewed = await renewToken(location.origin, m.room, m.token);
		} catch {
			return this.#scheduleRenewal(RENEW_RETRY_MS);
		}
		// refused for good: the socket closes at exp and the share panel asks for a new invite
		if (!renewed || this.#closed || this.membership !== m) return;
		this.membership = await saveMembership(getDb(), this.projectId, m.room, renewed.token, m.dataset);
		this.link?.reconnect(renewed.token);
		this.#scheduleRenewal(renewalDelay(renewed.exp));
	}

	#replicate(): void {
		const doc = this.doc;
		if (!doc || !this.device || this.role === 'viewer') return;
		replicateAudit(getDb(), this.projectId, doc, this.device).catch((e) => console.warn('audit replication', e));
	}

	#cached<T>(key: string, compute: () => T): T {
		this.#subscribe();
		const hit = this.#cache.get(key);
		if (hit && hit.version === this.#version) return hit.value as T;
		const value = compute();
		this.#cache.set(key, { version: this.#version, value });
		return value;
	}

	get decisions(): Decision[] {
		return this.doc ? this.#cached('decisions', () => readDecisions(this.doc!)) : [];
	}

	get states() {
		return this.#cached('states', () => respondentStates(this.decisions));
	}

	/** Row of each respondent key the decisions know, and rows of sent-back decisions. */
	get rows(): { rowOf: Map<string, number>; sentBack: Map<string, number> } {
		return this.#cached('rows', () => {
			const rowOf = new Map<string, number>();
			const sentBack = new Map<string, number>();
			for (const d of this.decisions) {
				if (d.target.respondent === undefined || d.target.row === undefined) continue;
				const key = String(d.target.respondent);
				rowOf.set(key, d.target.row);
				if (d.status === 'sent-back') sentBack.set(key, d.target.row);
			}
			return { rowOf, sentBack };
		});
	}

	/** Comments per respondent key. */
	get commentCounts(): Map<string, number> {
		return this.#cached('commentCounts', () => {
			const out = new Map<string, number>();
			for (const c of this.comments)
				if (c.target.respondent !== undefined) out.set(String(c.target.respondent), (out.get(String(c.target.respondent)) ?? 0) + 1);
			return out;
		});
	}

	get comments(): Comment[] {
		return this.doc ? this.#cached('comments', () => readComments(this.doc!)) : [];
	}

	get assignments(): Assignment[] {
		return this.doc ? this.#cached('assignments', () => readAssignments(this.doc!)) : [];
	}

	get review(): Map<string, ReviewStatus> {
		return this.doc ? this.#cached('review', () => new Map(reviewOf(this.doc!).entries())) : new Map();
	}

	#actor(): Actor {
		return { name: this.me || 'anonymous' };
	}

	#audit(type: Parameters<typeof recordEvent>[1], payload: Parameters<typeof recordEvent>[2]): void {
		recordEvent(this.projectId, type, payload as never).then(
			() => this.#replicate(),
			(e) => console.warn('audit', e)
		);
	}

	// a reviewer's decisions wait for an approver: the room's hooks hear that approval is requested
	#requestApproval(decisions: number): void {
		if (this.role === 'reviewer' && decisions > 0) void reportProjectEvent(this.projectId, 'approval.requested', { decisions });
	}

	decide(inputs: DecisionInput[]): string[] {
		if (!this.doc || !this.canEdit || inputs.length === 0) return [];
		const ids = proposeDecisions(this.doc, this.#actor(), inputs, { approve: this.role === 'local' });
		this.#requestApproval(ids.length);
		const first = inputs[0];
		const respondents = inputs.flatMap((d) => (d.target.respondent === undefined ? [] : [d.target.respondent]));
		this.#audit('decision', {
			action: first.action,
			...(respondents.length ? { respondents } : {}),
			...(first.target.variable ? { variable: first.target.variable } : {}),
			...((first.from ?? first.target.category) ? { from: first.from ?? first.target.category } : {}),
			...(first.value !== undefined ? { value: first.value } : first.to !== undefined ? { value: first.to } : {}),
			reason: first.reason
		});
		return ids;
	}

	judge(ids: string[], status: 'approved' | 'sent-back', note?: string): void {
		if (!this.doc || !this.canApprove || ids.length === 0) return;
		reviewDecisions(this.doc, this.#actor(), ids, status, note);
		if (status === 'approved') void reportProjectEvent(this.projectId, 'approval.given', { decisions: ids.length });
		this.#audit('approval', { state: status === 'approved' ? 'approved' : 'rejected', decisions: ids, ...(note ? { note } : {}) });
	}

	/**
	 * Exclude or keep every target of a filtered view, as one undo step and one audit event. Individual
	 * decisions stay unless `override` (see planBulk); returns what was written and skipped.
	 */
	decideBulk(targets: readonly BulkTarget[], action: 'exclude' | 'keep', reason: string, override: boolean): BulkPlan | null {
		if (!this.doc || !this.canEdit || targets.length === 0) return null;
		const plan = planBulk(this.states, targets, action, override);
		const inputs: DecisionInput[] = plan.write.map((t) => ({ target: { ...t }, action, reason, bulk: true }));
		if (inputs.length) proposeDecisions(this.doc, this.#actor(), inputs, { approve: this.role === 'local' });
		this.#requestApproval(inputs.length);
		this.#audit('decision', {
			action,
			respondents: plan.write.map((t) => t.respondent),
			reason: reason.trim(),
			bulk: true,
			skipped: plan.skipped,
			...(plan.overridden ? { overridden: plan.overridden } : {})
		});
		return plan;
	}

	withdraw(ids: string[]): void {
		if (!this.doc || !this.canEdit || ids.length === 0) return;
		const before = this.decisions;
		withdrawDecisions(this.doc, ids);
		const step = decisionStep(before, readDecisions(this.doc));
		if (step) this.#audit('decision-undo', { ...step, via: 'withdraw' });
	}

	comment(target: CommentTarget, text: string): void {
		if (!this.doc || !this.canEdit) return;
		const c = addComment(this.doc, this.#actor(), target, text);
		this.#audit('comment', {
			id: c.id,
			...(target.respondent !== undefined ? { respondent: target.respondent } : {}),
			...(target.variable ? { variable: target.variable } : {}),
			text: c.text,
			mentions: c.mentions
		});
	}

	assign(from: number, to: number, reviewer: string): void {
		if (!this.doc || !this.canEdit) return;
		assign(this.doc, this.#actor(), from, to, reviewer);
		this.#audit('assignment', { findings: [`rows ${from}-${to}`], assignee: reviewer });
	}

	unassign(id: string): void {
		if (this.doc && this.canEdit) unassign(this.doc, id);
	}

	setStatus(targets: { key: string; row?: number }[], state: ReviewState): void {
		if (this.doc && this.canEdit) setReviewStatus(this.doc, this.#actor(), targets, state);
	}

	get approvers(): string[] {
		return this.doc ? this.#cached('approverList', () => [...approversOf(this.doc!).keys()].sort()) : [];
	}

	setApprover(name: string, on: boolean): void {
		if (this.doc && this.role === 'owner') setApprover(this.doc, name, on);
	}

	/** Undoes this app's last change; one that touched decisions is audited as one event. */
	undo(): void {
		if (!this.doc || !this.#undo || !this.canEdit) return;
		const step = auditedStep(this.doc, this.#undo, 'undo');
		if (step) this.#audit('decision-undo', { ...step, via: 'undo' });
	}

	redo(): void {
		if (!this.doc || !this.#undo || !this.canEdit) return;
		const step = auditedStep(this.doc, this.#undo, 'redo');
		if (step) this.#audit('decision-redo', step);
	}

	look(row: number | null): void {
		this.presence?.look(row);
	}

	async rename(name: string): Promise<void> {
		const row = await setActorName(getDb(), name);
		this.me = row.actor;
		this.presence?.rename(row.actor);
	}

	/** Shares the project: a new relay room owned by this browser. */
	async share(dataset: string): Promise<void> {
		const { room, token } = await createRoom(location.origin);
		this.membership = await saveMembership(getDb(), this.projectId, room, token, dataset);
		this.#connect(this.membership);
	}

	/** Joins the room of an invite (the dataset was checked by the caller). */
	async join(room: string, token: string, dataset: string): Promise<void> {
		this.membership = await saveMembership(getDb(), this.projectId, room, token, dataset);
		if (this.doc) this.#connect(this.membership);
	}

	/** After the relay closed with 4401: continues with the token of a fresh invite link for the same room. */
	async renew(room: string, token: string): Promise<void> {
		const m = this.membership;
		if (!m || m.room !== room) throw new Error('That invite is for another room.');
		this.membership = await saveMembership(getDb(), this.projectId, room, token, m.dataset);
		this.link?.reconnect(token);
	}

	/** A link for someone else to join as reviewer or viewer. */
	async invite(role: 'reviewer' | 'viewer', projectName: string): Promise<string> {
		const m = this.membership;
		if (!m || m.role !== 'owner') throw new Error('only the owner of the room can invite');
		const { token } = await createInvite(location.origin, m.room, m.token, { role });
		return inviteLink(location.origin, { room: m.room, token, dataset: m.dataset, name: projectName, project: this.projectId });
	}

	/** Stops sharing from this browser; the local doc and its decisions stay. */
	async leave(): Promise<void> {
		clearTimeout(this.#renewal);
		this.link?.destroy();
		this.link = null;
		this.presence = null;
		await leaveRoom(getDb(), this.projectId);
		this.membership = null;
	}

	async close(): Promise<void> {
		this.#closed = true;
		clearTimeout(this.#renewal);
		this.#stopReplica();
		this.link?.destroy();
		this.#undo?.destroy();
		await this.#local?.destroy();
	}
}
