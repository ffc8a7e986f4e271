import { createContext } from 'svelte';
import type { CollabSession } from '../collab/CollabSession.svelte';
import type { ProjectSession } from './ProjectSession.svelte';

/** The open project, shared by the project layout with its pages (data, checks, review, audit). */
export const [getProjectSession, setProjectSession] = createContext<ProjectSession>();

/**
 * The project's review doc, opened by the project layout so that it keeps syncing with the relay
 * (and republishing the audit chain) while the user is on any tab, not only on Review.
 */
export const [getCollabSession, setCollabSession] = createContext<CollabSession>();
