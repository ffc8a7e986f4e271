import { blobSha256 } from '../io/sha256';
import { getDb } from '../store/db';
import { loadOriginal } from '../store/originals';

/** SHA-256 (hex) of a file, hashed slice by slice so a large file is never held whole. */
export const datasetSha256 = (file: Blob): Promise<string> => blobSha256(file);

/** The dataset identity of a generated demo survey (it has no file). */
export const demoDataset = (seed: number): string => `demo:${seed}`;

/** Whether the file this browser opened is the one the room is about, and a message when not. */
export function compareDataset(expected: string, actual: string, fileName: string): { ok: true } | { ok: false; message: string } {
	if (expected === actual) return { ok: true };
	if (expected.startsWith('demo:'))
		return { ok: false, message: `This room reviews the generated demo survey (seed ${expected.slice(5)}), not ${fileName}.` };
	return {
		ok: false,
		message: `${fileName} is not the file this room reviews: its SHA-256 starts ${actual.slice(0, 12)}…, the room's starts ${expected.slice(0, 12)}…. Open exactly the same file (the same export, unmodified) as the person who invited you.`
	};
}

/** The dataset identity of a project's stored original (or its demo seed), for a new room. */
export async function projectDatasetId(projectId: string): Promise<string> {
	const db = getDb();
	const project = await db.projects.get(projectId);
	if (!project?.file) throw new Error('Import the data file before sharing: collaborators open the same file.');
	if (project.demo) return demoDataset(project.demo.seed);
	if (project.file.sha256) return project.file.sha256;
	const original = await loadOriginal(db, projectId, project.file.name);
	if (!original)
		throw new Error(`The original file ${project.file.name} is no longer stored in this browser; import it again before sharing.`);
	return datasetSha256(original);
}
