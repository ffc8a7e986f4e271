import { afterEach, describe, expect, it } from 'vitest';
import { createRoom } from '../../../../app/lib/collab/membership';
import { solveChallenge } from '../../../../app/lib/collab/proof-of-work';
import type { RoomChallenge } from '../../../../server/protocol/rooms';
import { ADMIN_TOKEN, startRelay, type RunningRelay } from '../relay-harness';

let relay: RunningRelay | undefined;
afterEach(async () => {
	await relay?.stop();
	expect(relay?.errors).toEqual([]);
	relay = undefined;
});

const post = (body?: unknown, headers: Record<string, string> = {}) =>
	fetch(`${relay!.httpUrl}/rooms`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		...(body === undefined ? {} : { body: JSON.stringify(body) })
	});

describe('room creation with RELAY_OPEN_ROOMS=0', () => {
	it('needs the admin token or a solved, unused, unexpired challenge', async () => {
		relay = await startRelay({ config: { openRooms: false, roomProofBits: 10 } });
		const refused = await post();
		expect(refused.status).toBe(401);
		const challenge = (await refused.json()) as RoomChallenge;
		expect(challenge.bits).toBe(10);

		expect((await post(undefined, { authorization: 'Bearer wrong' })).status).toBe(401);
		expect((await post(undefined, { authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(201);

		expect((await post({ challenge: challenge.challenge, solution: 'not-a-solution-' })).status).toBe(401);
		const solved = await solveChallenge(challenge);
		expect((await post(solved)).status).toBe(201);
		expect((await post(solved)).status).toBe(401);

		const [exp, nonce, mac] = challenge.challenge.split('.');
		const extended = { challenge: `${Number(exp) + 3_600_000}.${nonce}.${mac}`, solution: solved.solution };
		expect((await post(extended)).status).toBe(401);
	});

	it('the app solves the challenge by itself', async () => {
		relay = await startRelay({ config: { openRooms: false, roomProofBits: 8 } });
		const { room, token } = await createRoom(relay.httpUrl);
		expect(token.length).toBeGreaterThan(0);
		expect(room).toMatch(/^[A-Za-z0-9_-]{22}$/);
	});

	it('stays open by default', async () => {
		relay = await startRelay();
		expect((await post()).status).toBe(201);
	});
});
