import type * as Y from 'yjs';
import type { SieveConfig } from '../engine/api';
import { observeConfig, readConfig, sameConfig, writeConfig } from './config';

export interface ConfigSyncDeps {
	doc: Y.Doc;
	/** The CONFIG stored in this browser (Dexie), null when none was saved. */
	local(): SieveConfig | null | undefined;
	/** Owners, reviewers and unshared projects write the doc; viewers only read it. */
	canWrite(): boolean;
	/** Stores a collaborator's CONFIG here, without an audit event: its author recorded the change. */
	apply(config: SieveConfig): Promise<void> | void;
}

/**
 * Keeps the stored CONFIG and the project doc's in step. The doc wins at start (a collaborator's
 * change may have arrived since the settings were last saved here); a doc without CONFIG gets the
 * stored one, so a project shared later carries its settings into the room.
 */
export function startConfigSync(deps: ConfigSyncDeps): () => void {
	const inDoc = readConfig(deps.doc);
	const local = deps.local();
	if (inDoc && !sameConfig(inDoc, local)) void deps.apply(inDoc);
	else if (!inDoc && local && deps.canWrite()) writeConfig(deps.doc, local);
	return observeConfig(deps.doc, (config) => {
		if (!sameConfig(config, deps.local())) void deps.apply(config);
	});
}

/** After a local save: puts the saved CONFIG in the doc for the collaborators (never for a viewer). */
export function publishConfig(doc: Y.Doc | null, canWrite: boolean, config: SieveConfig): void {
	if (doc && canWrite) writeConfig(doc, config);
}
