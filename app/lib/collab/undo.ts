import * as Y from 'yjs';
import { undoScope } from './doc';
import { LOCAL_ORIGIN } from './ops';

/**
 * Undo/redo of this app instance's own edits only: a collaborator's decisions are never undone here.
 * @example const undo = createUndo(doc); proposeDecisions(doc, me, [d]); undo.undo();
 */
export function createUndo(doc: Y.Doc): Y.UndoManager {
	return new Y.UndoManager(undoScope(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 });
}
