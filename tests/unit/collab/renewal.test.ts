import { afterEach, describe, expect, it } from 'vitest';
import { renewalDelay, renewToken } from '../../../app/lib/collab/renewal';
import { readToken } from '../../../app/lib/collab/token';
import { startRelay, type RunningRelay } from '../server/relay-harness';

let relay: RunningRelay | undefined;
afterEach(async () => {
	await relay?.stop();
	relay = undefined;
});

describe('token renewal', () => {
	it('renews at half the remaining life, at once when expired', () => {
		const now = 1_800_000_000_000;
		expect(renewalDelay(now / 1000 + 86_400, now)).toBe(43_200_000);
		expect(renewalDelay(now / 1000 - 5, now)).toBe(0);
	});

	it('trades a member token for a fresh one of the same member, and reports a refusal as null', async () => {
		relay = await startRelay();
		const { room, token } = await relay.createRoom();
		const renewed = await renewToken(relay.httpUrl, room, token);
		expect(renewed).not.toBeNull();
		expect(readToken(renewed!.token)).toMatchObject({ room, role: 'owner', sub: readToken(token)!.sub });
		expect(await renewToken(relay.httpUrl, room, 'not-a-token')).toBeNull();
	});
});
