import { createContext } from 'svelte';
import type { ProjectSession } from './ProjectSession.svelte';

/** The open project, shared by the project layout with its pages (data, checks, review, audit). */
export const [getProjectSession, setProjectSession] = createContext<ProjectSession>();
