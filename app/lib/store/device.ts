import type { DeviceIdentityRow, SieveDb } from './db';

export const DEFAULT_ACTOR = 'anonymous';
const MAX_ACTOR = 80;

/** This browser's device id (made once, kept in IndexedDB) and the name its events are signed with. */
export async function getDeviceIdentity(db: SieveDb): Promise<DeviceIdentityRow> {
	return db.transaction('rw', db.deviceIdentity, async () => {
		const row = await db.deviceIdentity.get('self');
		if (row) return row;
		const fresh: DeviceIdentityRow = { key: 'self', device: newDeviceId(), actor: DEFAULT_ACTOR };
		await db.deviceIdentity.add(fresh);
		return fresh;
	});
}

/** Renames the actor for this browser's future events; past events keep the name they were hashed with. */
export async function setActorName(db: SieveDb, name: string): Promise<DeviceIdentityRow> {
	const actor = name.trim().slice(0, MAX_ACTOR);
	if (!actor) throw new RangeError('the actor name is empty');
	return db.transaction('rw', db.deviceIdentity, async () => {
		const row = { ...(await getDeviceIdentity(db)), actor };
		await db.deviceIdentity.put(row);
		return row;
	});
}

function newDeviceId(): string {
	return `web-${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
}
