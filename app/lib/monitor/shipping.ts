import { getDb } from '../store/db';
import type { LogDb } from './log-db';

export const DEVICE_KEY = 'device';
export const projectKey = (projectId: string) => `project:${projectId}`;

/**
 * Who allowed shipping logs to the relay (off by default): the whole device, or single projects.
 * Read once into memory so deciding per entry costs nothing.
 */
export async function loadShippingConsent(db: LogDb): Promise<Set<string>> {
	return new Set((await db.shipping.toArray()).filter((r) => r.enabled).map((r) => r.key));
}

/** Whether an entry about `projectId` (or about no project) may leave the device. */
export function mayShip(consent: ReadonlySet<string>, projectId: string | undefined): boolean {
	return consent.has(DEVICE_KEY) || (projectId !== undefined && consent.has(projectKey(projectId)));
}

/**
 * A room token to post logs with: the project's own room when it may ship, else any room of this
 * browser when the whole device may. Null when the project is not shared with a relay.
 */
export async function shippingToken(consent: ReadonlySet<string>, projectId: string | undefined): Promise<string | null> {
	const rooms = getDb().collabRooms;
	const now = Date.now() / 1000;
	if (projectId && consent.has(projectKey(projectId))) {
		const own = await rooms.get(projectId);
		if (own && own.exp > now) return own.token;
	}
	if (!consent.has(DEVICE_KEY)) return null;
	return (await rooms.toArray()).find((r) => r.exp > now)?.token ?? null;
}
