import type { ConnectorSourceRow, SieveDb } from './db';

export function getConnectorSource(db: SieveDb, projectId: string): Promise<ConnectorSourceRow | undefined> {
	return db.connectorSources.get(projectId);
}

export async function saveConnectorSource(db: SieveDb, row: ConnectorSourceRow): Promise<void> {
	await db.connectorSources.put(row);
}
