import { leadingZeroBits, type CreateRoomRequest, type RoomChallenge } from '../../../server/protocol/rooms';

/** Finds a solution to a relay's room-creation challenge (about 2^bits SHA-256 hashes). */
export async function solveChallenge({ challenge, bits }: RoomChallenge): Promise<CreateRoomRequest> {
	const encoder = new TextEncoder();
	for (let n = 0; ; n++) {
		const solution = n.toString(36);
		const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${solution}`)));
		if (leadingZeroBits(hash) >= bits) return { challenge, solution };
	}
}
