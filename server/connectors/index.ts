import { kobo } from './kobo/index';
import { odk } from './odk/index';
import { qualtrics } from './qualtrics/index';
import { redcap } from './redcap/index';
import type { Connector, ConnectorKind } from './types';

export const CONNECTORS: Record<ConnectorKind, Connector> = { kobo, odk, qualtrics, redcap };

export function connectorFor(kind: string): Connector | null {
	return Object.hasOwn(CONNECTORS, kind) ? (CONNECTORS[kind as ConnectorKind] ?? null) : null;
}

export { startPull, testConnection, type RunDeps, type StartedPull } from './run';
export { DEFAULT_RETRY, type RetryPolicy } from './retry';
export { syncLine } from './sync';
export { ConnectorError } from './errors';
export type { ConnectorKind, Credentials, Field, FormInfo, PullRequest, SyncEntry, ErrorClass } from './types';
