import { describe, expect, it } from 'vitest';
import { createTokenSigner } from '../../../server/rooms/tokens';
import { inviteLink, parseInvite, readToken, relayWsUrl } from '../../../app/lib/collab/token';
import { compareDataset } from '../../../app/lib/collab/dataset-id';

const signer = createTokenSigner({ secret: 'x'.repeat(40) });

describe('tokens and invite links', () => {
	it('reads the claims the relay signed', () => {
		const { token, claims } = signer.issue('room_1-A', 'viewer', 600);
		expect(readToken(token)).toEqual(claims);
		expect(readToken('not-a-token')).toBeNull();
		expect(readToken(`${Buffer.from('{"room":"a b","role":"owner","exp":1}').toString('base64url')}.sig`)).toBeNull();
	});

	it('round-trips an invite through its link, fragment only', () => {
		const { token } = signer.issue('abc', 'reviewer', 600);
		const link = inviteLink('https://sieve.example', { room: 'abc', token, dataset: 'f'.repeat(64), name: 'Wave 3 & more' });
		expect(link.startsWith('https://sieve.example/join#')).toBe(true);
		const parsed = parseInvite(link);
		expect(parsed).toMatchObject({ invite: { room: 'abc', token, dataset: 'f'.repeat(64), name: 'Wave 3 & more' }, role: 'reviewer' });
	});

	it("carries the owner's project id, so the invitee's project (and its audit chain) names the same project", () => {
		const { token } = signer.issue('abc', 'reviewer', 600);
		const project = '3f2b8c1e-9a7d-4e21-b6f0-1c2d3e4f5a6b';
		const parsed = parseInvite(inviteLink('https://sieve.example', { room: 'abc', token, dataset: 'd', name: 'W', project }));
		expect(parsed).toMatchObject({ invite: { project } });
		expect(parseInvite(`room=abc&token=${token}&dataset=d&project=x'%3B--`)).toEqual({ error: expect.stringMatching(/damaged/) });
	});

	it('explains broken, foreign and expired invites', () => {
		const { token } = signer.issue('abc', 'reviewer', 600);
		expect(parseInvite('room=abc&dataset=x')).toEqual({ error: expect.stringMatching(/incomplete/) });
		expect(parseInvite(`room=other&token=${token}&dataset=x`)).toEqual({ error: expect.stringMatching(/damaged/) });
		const old = createTokenSigner({ secret: 'x'.repeat(40), now: () => Date.now() - 3_600_000 }).issue('abc', 'viewer', 60).token;
		expect(parseInvite(`room=abc&token=${old}&dataset=x`)).toEqual({ error: expect.stringMatching(/expired/) });
	});

	it('derives the websocket URL of the relay serving the page', () => {
		expect(relayWsUrl('http://127.0.0.1:4187')).toBe('ws://127.0.0.1:4187/rooms');
		expect(relayWsUrl('https://sieve.example')).toBe('wss://sieve.example/rooms');
	});

	it('says clearly when the opened file is not the room’s', () => {
		expect(compareDataset('ab'.repeat(32), 'ab'.repeat(32), 'a.csv')).toEqual({ ok: true });
		const diff = compareDataset('ab'.repeat(32), 'cd'.repeat(32), 'wave2.csv');
		expect(diff.ok).toBe(false);
		expect(!diff.ok && diff.message).toMatch(/wave2\.csv is not the file this room reviews.*cdcdcdcdcdcd.*abababababab/);
		expect(compareDataset('demo:7', 'cd'.repeat(32), 'x.csv')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/demo survey \(seed 7\)/)
		});
	});
});
