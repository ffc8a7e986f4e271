import type { CollabRoomRow, SieveDb } from '../store/db';
import type { CreateRoomResponse, ErrorResponse, InviteRequest, InviteResponse, RoomChallenge } from '../../../server/protocol/rooms';
import { solveChallenge } from './proof-of-work';
import { readToken } from './token';
import { tracedFetch } from '../monitor/traceparent';

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

export async function relayJson<T>(res: Response): Promise<T> {
	if (res.ok) return (await res.json()) as T;
	const body = (await res.json().catch(() => null)) as ErrorResponse | null;
	throw new Error(`relay: ${body?.error ?? res.statusText} (${res.status})`);
}

/** `POST /rooms`: a new room whose owner is this browser; solves the relay's challenge when room creation is closed. */
export async function createRoom(relayHttp: string): Promise<CreateRoomResponse> {
	const res = await tracedFetch(`${relayHttp}/rooms`, { method: 'POST' });
	if (res.status !== 401) return relayJson(res);
	const challenge = (await res.json().catch(() => null)) as Partial<RoomChallenge> | null;
	if (typeof challenge?.challenge !== 'string' || typeof challenge.bits !== 'number') throw new Error('relay: room creation refused (401)');
	const body = await solveChallenge({ challenge: challenge.challenge, bits: challenge.bits });
	return relayJson(
		await tracedFetch(`${relayHttp}/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
	);
}

/** `POST /rooms/:room/invites` with the owner's token. */
export async function createInvite(relayHttp: string, room: string, ownerToken: string, request: InviteRequest): Promise<InviteResponse> {
	return relayJson(
		await tracedFetch(`${relayHttp}/rooms/${encodeURIComponent(room)}/invites`, {
			method: 'POST',
			headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
			body: JSON.stringify(request)
		})
	);
}
