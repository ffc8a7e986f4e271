import { INVITE_ROLES, ROLES, ROOM_ID_PATTERN, type Role, type TokenClaims } from '../../../server/protocol/rooms';

/** The claims of a relay token, read (not verified: only the relay can) from its base64url JSON part. */
export function readToken(token: string): TokenClaims | null {
	const [payload] = token.split('.');
	if (!payload) return null;
	try {
		const json = new TextDecoder().decode(Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
		const c = JSON.parse(json) as Partial<TokenClaims>;
		if (typeof c.room !== 'string' || !ROOM_ID_PATTERN.test(c.room)) return null;
		if (!(ROLES as readonly string[]).includes(c.role as string) || typeof c.exp !== 'number') return null;
		const rexp = typeof c.rexp === 'number' ? c.rexp : c.exp;
		return { room: c.room, role: c.role as Role, exp: c.exp, jti: String(c.jti ?? ''), sub: String(c.sub ?? ''), rexp };
	} catch {
		return null;
	}
}

export const tokenExpired = (claims: Pick<TokenClaims, 'exp'>, now = Date.now()): boolean => claims.exp * 1000 <= now;

/** What an invite link carries; in the URL fragment so the token never reaches a server log. */
export interface Invite {
	room: string;
	token: string;
	/** SHA-256 (hex) of the dataset file both sides must open, or `demo:<seed>` for the demo survey. */
	dataset: string;
	/** Project name, for the invitee's new project. */
	name: string;
	/** The owner's project id: the invitee's project takes it, so all audit chains name one project. */
	project?: string;
}

const PROJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function inviteLink(origin: string, invite: Invite): string {
	const hash = new URLSearchParams({ room: invite.room, token: invite.token, dataset: invite.dataset, name: invite.name });
	if (invite.project) hash.set('project', invite.project);
	return `${origin}/join#${hash}`;
}

/** The invite in a link (or its fragment), or a message saying what is wrong with it. */
export function parseInvite(
	linkOrHash: string
): { invite: Invite; role: (typeof INVITE_ROLES)[number] | 'owner'; exp: number } | { error: string } {
	const hash = linkOrHash.includes('#') ? linkOrHash.slice(linkOrHash.indexOf('#') + 1) : linkOrHash;
	const p = new URLSearchParams(hash);
	const room = p.get('room') ?? '';
	const token = p.get('token') ?? '';
	const dataset = p.get('dataset') ?? '';
	if (!room || !token || !dataset) return { error: 'This invite link is incomplete: ask for a new one.' };
	const claims = readToken(token);
	if (!claims || claims.room !== room) return { error: 'This invite link is damaged: ask for a new one.' };
	if (tokenExpired({ exp: claims.rexp }))
		return { error: `This invite expired on ${new Date(claims.rexp * 1000).toLocaleString()}: ask for a new one.` };
	const project = p.get('project');
	if (project !== null && !PROJECT_ID.test(project)) return { error: 'This invite link is damaged: ask for a new one.' };
	return {
		invite: { room, token, dataset, name: p.get('name') || 'Shared project', ...(project ? { project } : {}) },
		role: claims.role,
		exp: claims.rexp
	};
}

/** The relay's websocket base URL for a page served by the relay. */
export function relayWsUrl(origin: string): string {
	return `${origin.replace(/^http/, 'ws')}/rooms`;
}
