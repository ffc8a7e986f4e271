import type { ConnectorKind, Credentials, PullRequest, SyncEntry, TestResponse } from '../../../server/protocol/connectors';
import { readToken } from '../collab/token';
import { createRoom, getMembership } from '../collab/membership';
import { PullBrokenError, pullSource, testSource } from '../connectors/relay';
import { getConnectorSource, saveConnectorSource } from '../store/connector-sources';
import { getDb, type ConnectorSourceRow } from '../store/db';

/** What a pull hands to the import: the CSV as a file and the platform's question text by column. */
export interface PulledFile {
	file: File;
	labels: Map<string, string>;
}

/**
 * "Import from a survey platform": the form the user fills in, a test with a preview of the
 * form's questions, and the pull through the relay this app is served by. Credentials stay in
 * this browser and are stored only when the user asks; each request carries them to the relay,
 * which forwards them to the platform and keeps nothing but the sync log.
 */
export class PlatformPull {
	kind = $state<ConnectorKind>('kobo');
	baseUrl = $state('');
	form = $state('');
	token = $state('');
	user = $state('');
	password = $state('');
	/** latest submission of the last pull, shown to the user */
	lastSubmission = $state<string | null>(null);
	remember = $state(false);
	status = $state<'idle' | 'testing' | 'pulling'>('idle');
	error = $state<string | null>(null);
	preview = $state.raw<TestResponse | null>(null);
	rows = $state(0);
	#row: ConnectorSourceRow | null = null;

	constructor(
		private readonly projectId: string,
		private readonly relay: string
	) {}

	async load(): Promise<void> {
		const row = await getConnectorSource(getDb(), this.projectId);
		if (!row) return;
		this.#row = row;
		this.kind = row.kind;
		this.baseUrl = row.baseUrl;
		this.form = row.form;
		this.lastSubmission = row.lastSubmission;
		this.remember = row.credentials !== null;
		this.token = row.credentials?.token ?? '';
		this.user = row.credentials?.user ?? '';
		this.password = row.credentials?.password ?? '';
	}

	#request(): PullRequest {
		const credentials: Credentials =
			this.kind === 'odk' && !this.token ? { user: this.user.trim(), password: this.password } : { token: this.token.trim() };
		// always the whole form: the pulled file replaces the project's data, so a pull of only new submissions would drop the others
		return { baseUrl: this.baseUrl.trim(), credentials, form: this.form.trim() };
	}

	/** An owner token of a relay room: the shared project's own, else a room made for pulls (kept with the source). */
	async #ownerToken(): Promise<{ room: string; token: string }> {
		const now = Date.now() / 1000 + 60;
		const shared = await getMembership(getDb(), this.projectId);
		if (shared?.role === 'owner' && shared.exp > now) return shared;
		const kept = this.#row?.token ? readToken(this.#row.token) : null;
		if (kept && kept.exp > now && this.#row?.room && this.#row.token) return { room: this.#row.room, token: this.#row.token };
		return createRoom(this.relay);
	}

	async #run<T>(status: 'testing' | 'pulling', work: (token: string, room: string) => Promise<T>): Promise<T | null> {
		this.status = status;
		this.error = null;
		let owner: { room: string; token: string } | null = null;
		try {
			owner = await this.#ownerToken();
			return await work(owner.token, owner.room);
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			if (e instanceof PullBrokenError && owner) {
				const why = (await this.#logEntry(owner.token, owner.room, e.syncId))?.error;
				if (why) this.error += `: ${why}`;
			}
			return null;
		} finally {
			this.status = 'idle';
		}
	}

	async test(): Promise<void> {
		const req = this.#request();
		this.preview = await this.#run('testing', (token) => testSource(this.relay, token, this.kind, req));
	}

	/** Pulls the submissions; null (with `error` set) when the platform or the relay failed. */
	async pull(): Promise<PulledFile | null> {
		const req = this.#request();
		this.rows = 0;
		return this.#run('pulling', async (token, room) => {
			const info = this.preview ?? (await testSource(this.relay, token, this.kind, req));
			this.preview = info;
			const { csv, syncId } = await pullSource(this.relay, token, this.kind, req, (n) => (this.rows = n));
			const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '-');
			const file = new File([csv], `${this.kind}-${req.form.replace(/[^\w.-]+/g, '_')}-${stamp}.csv`, { type: 'text/csv' });
			this.#row = {
				projectId: this.projectId,
				kind: this.kind,
				baseUrl: req.baseUrl,
				form: req.form,
				credentials: this.remember ? req.credentials : null,
				room,
				token,
				lastSubmission: (await this.#logEntry(token, room, syncId))?.lastSubmission ?? null,
				lastSyncId: syncId
			};
			await saveConnectorSource(getDb(), this.#row);
			this.lastSubmission = this.#row.lastSubmission;
			return { file, labels: new Map(info.fields.flatMap((f) => (f.label ? [[f.name, f.label] as [string, string]] : []))) };
		});
	}

	/** This pull's sync log entry: its latest submission time starts the next incremental pull; its error explains a broken one. */
	async #logEntry(token: string, room: string, syncId: string | null): Promise<SyncEntry | null> {
		if (!syncId) return null;
		const res = await fetch(`${this.relay}/connectors/log?room=${encodeURIComponent(room)}&limit=20`, {
			headers: { authorization: `Bearer ${token}` }
		}).catch(() => null);
		if (!res?.ok) return null;
		return ((await res.json()) as SyncEntry[]).find((e) => e.id === syncId) ?? null;
	}
}
