import { describe, expect, it } from 'vitest';
import type { InviteResponse, RenewResponse } from '../../../../server/protocol/rooms';
import { CLOSE_CODES } from '../../../../server/protocol/rooms';
import { createTokenSigner } from '../../../../server/rooms/tokens';
import { SECRET, handshake, synced, until, type RunningRelay } from '../relay-harness';
import { useRelayScope } from './test-scope';

const { relayWith, client, rawSocket } = useRelayScope();

const renew = (relay: RunningRelay, room: string, token: string) =>
	fetch(`${relay.httpUrl}/rooms/${room}/renew`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });

const removeMember = (relay: RunningRelay, room: string, token: string, member: string) =>
	fetch(`${relay.httpUrl}/rooms/${room}/members/${member}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });

async function inviteMember(relay: RunningRelay, room: string, owner: string, role: 'reviewer' | 'viewer') {
	const res = await fetch(`${relay.httpUrl}/rooms/${room}/invites`, {
		method: 'POST',
		headers: { authorization: `Bearer ${owner}`, 'content-type': 'application/json' },
		body: JSON.stringify({ role })
	});
	return (await res.json()) as InviteResponse;
}

describe('room membership: renewal and removal', () => {
	it('a member renews its token for the same member and role, even past exp while renewable, never past rexp', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const invite = await inviteMember(relay, room, token, 'reviewer');
		const res = await renew(relay, room, invite.token);
		expect(res.status).toBe(201);
		const renewed = (await res.json()) as RenewResponse;
		const verify = (t: string) => createTokenSigner({ secret: SECRET }).verify(t);
		const claims = verify(renewed.token);
		expect(claims).toMatchObject({ ok: true, claims: { room, role: 'reviewer', sub: invite.member } });
		expect(renewed.exp - Date.now() / 1000).toBeLessThanOrEqual(86_400);

		const yesterday = createTokenSigner({ secret: SECRET, now: () => Date.now() - 2 * 86_400_000 });
		const lapsed = yesterday.issue(room, 'viewer', { ttlSeconds: 86_400, renewableSeconds: 30 * 86_400 }).token;
		expect(await handshake(`${relay.wsUrl}/${room}?token=${lapsed}`)).toEqual({ status: 401 });
		expect((await renew(relay, room, lapsed)).status).toBe(201);
		const gone = yesterday.issue(room, 'viewer', { ttlSeconds: 3600, renewableSeconds: 86_400 }).token;
		expect((await renew(relay, room, gone)).status).toBe(401);
	});

	it('removing a member closes its sockets and refuses its tokens, renewed ones included; others stay', async () => {
		const relay = await relayWith();
		const { room, token } = await relay.createRoom();
		const owner = client(relay, room, token);
		const invite = await inviteMember(relay, room, token, 'reviewer');
		const renewed = ((await (await renew(relay, room, invite.token)).json()) as RenewResponse).token;
		const reviewer = await rawSocket(relay, room, renewed);
		const other = await inviteMember(relay, room, token, 'viewer');
		const viewer = client(relay, room, other.token);
		await Promise.all([synced(owner), synced(viewer)]);

		expect((await removeMember(relay, room, other.token, invite.member)).status).toBe(403);
		expect((await removeMember(relay, room, token, invite.member)).status).toBe(204);
		expect(await reviewer.closed).toBe(CLOSE_CODES.revoked);
		for (const t of [invite.token, renewed]) {
			expect(await handshake(`${relay.wsUrl}/${room}?token=${t}`)).toEqual({ status: 401 });
			expect((await renew(relay, room, t)).status).toBe(401);
		}
		owner.doc.getMap('decisions').set('r1', 'keep');
		await until(() => viewer.doc.getMap('decisions').get('r1') === 'keep');
		expect(viewer.provider.wsconnected).toBe(true);
		expect((await removeMember(relay, room, token, ownerSub(token))).status).toBe(400);
	});
});

const ownerSub = (token: string) => (createTokenSigner({ secret: SECRET }).verify(token) as { claims: { sub: string } }).claims.sub;
