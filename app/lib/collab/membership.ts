import type { CollabRoomRow, SieveDb } from '../store/db';
import type { CreateRoomResponse, ErrorResponse, InviteRequest, InviteResponse } from '../../../server/protocol/rooms';
import { readToken } from './token';

export function getMembership(db: SieveDb, projectId: string): Promise<CollabRoomRow | undefined> {
	return db.collabRooms.get(projectId);
}

/** Stores the room a project is shared in, with the token's role and expiry. */
export async function saveMembership(db: SieveDb, projectId: string, room: string, token: string, dataset: string): Promise<CollabRoomRow> {
	const claims = readToken(token);
	if (!claims || claims.room !== room) throw new Error('the relay returned a token for another room');
	const row: CollabRoomRow = { projectId, room, token, role: claims.role, exp: claims.exp, dataset, joinedAt: Date.now() };
	await db.collabRooms.put(row);
	return row;
}

export function leaveRoom(db: SieveDb, projectId: string): Promise<void> {
	return db.collabRooms.delete(projectId);
}

async function relayJson<T>(res: Response): Promise<T> {
	if (res.ok) return (await res.json()) as T;
	const body = (await res.json().catch(() => null)) as ErrorResponse | null;
	throw new Error(`relay: ${body?.error ?? res.statusText} (${res.status})`);
}

/** `POST /rooms`: a new room whose owner is this browser. */
export async function createRoom(relayHttp: string): Promise<CreateRoomResponse> {
	return relayJson(await fetch(`${relayHttp}/rooms`, { method: 'POST' }));
}

/** `POST /rooms/:room/invites` with the owner's token. */
export async function createInvite(relayHttp: string, room: string, ownerToken: string, request: InviteRequest): Promise<InviteResponse> {
	return relayJson(
		await fetch(`${relayHttp}/rooms/${encodeURIComponent(room)}/invites`, {
			method: 'POST',
			headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
			body: JSON.stringify(request)
		})
	);
}
