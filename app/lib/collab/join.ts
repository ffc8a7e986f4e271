import { getDb } from '../store/db';
import { setActorName } from '../store/device';
import { createProject } from '../store/projects';
import { saveMembership } from './membership';
import type { Invite } from './token';

/** Makes a local project for an invite and remembers its room; the file is opened (and checked) next. */
export async function acceptInvite(invite: Invite, name: string): Promise<string> {
	const db = getDb();
	if (name.trim()) await setActorName(db, name);
	const existing = invite.project ? await db.projects.get(invite.project) : undefined;
	const project = existing ?? (await createProject(db, invite.name, invite.project));
	await saveMembership(db, project.id, invite.room, invite.token, invite.dataset);
	return project.id;
}
