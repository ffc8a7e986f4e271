import { proxy } from 'comlink';
import { openLocalDoc } from '../collab/local';
import { readDecisions } from '../collab/ops';
import { toRecipeDecisions } from '../collab/recipe';
import type { ApplyReport, CleaningSummary, ExportFormat, Recipe } from '../engine/api';
import { cleaningSummary } from '../engine/report/cleaning';
import { decisionsToRecipe } from '../engine/recipe/from-decisions';
import { parseRecipe } from '../engine/recipe/parse';
import { serialiseRecipe } from '../engine/recipe/serialise';
import { getMonitor } from '../monitor/monitor';
import { getAuditLog } from '../store/audit-log';
import { getEngine } from '../workers/clients';
import type { ProjectSession } from './ProjectSession.svelte';
import { reportProjectEvent } from '../notifications/report';

export type RecipeSource = 'decisions' | 'approved' | 'file' | 'none';

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', parquet: 'parquet', sav: 'sav', zsav: 'zsav' };

/** Building the cleaned file: which decisions to replay, the format, progress and the replay report. */
export class ExportJob {
	decisions = $state(0);
	approved = $state(0);
	source = $state<RecipeSource>('decisions');
	imported = $state.raw<{ name: string; recipe: Recipe } | null>(null);
	format = $state<ExportFormat>('sav');
	flags = $state(true);
	bom = $state(true);
	/** Appends a mask-pii step per open end, so the recipe records it and replays it. */
	maskPii = $state(false);
	running = $state(false);
	progress = $state.raw<{ rows: number; total: number } | null>(null);
	report = $state.raw<ApplyReport | null>(null);
	warnings = $state.raw<string[]>([]);
	error = $state<string | null>(null);

	constructor(private readonly session: ProjectSession) {}

	async load(): Promise<void> {
		const local = await openLocalDoc(this.session.projectId);
		try {
			const all = readDecisions(local.doc);
			this.decisions = toRecipeDecisions(all).length;
			this.approved = toRecipeDecisions(all, { approvedOnly: true }).length;
		} finally {
			await local.destroy();
		}
	}

	/** The recipe the export replays: the review's decisions or an imported RECIPE file, then the masking steps. */
	async recipe(): Promise<Recipe | null> {
		const base = await this.decided();
		if (!this.maskPii) return base;
		const { roles } = await getEngine().dataset();
		const masks = roles.openEnds.map((variable) => ({ action: 'mask-pii' as const, variable, reason: 'mask personal data in open ends' }));
		return base ? { ...base, steps: [...base.steps, ...masks] } : { version: 1, steps: masks };
	}

	private async decided(): Promise<Recipe | null> {
		const sha = this.session.project?.file?.sha256 ?? '';
		if (this.source === 'none') return null;
		if (this.source === 'file') return this.imported?.recipe ?? null;
		const local = await openLocalDoc(this.session.projectId);
		try {
			return decisionsToRecipe(toRecipeDecisions(readDecisions(local.doc), { approvedOnly: this.source === 'approved' }), sha);
		} finally {
			await local.destroy();
		}
	}

	/** What the chosen steps do, counted: removals per reason, cells per variable, recodes, steps per reviewer. */
	async cleaning(): Promise<CleaningSummary | null> {
		const recipe = await this.recipe();
		return recipe ? cleaningSummary(recipe) : null;
	}

	async importRecipe(file: File): Promise<void> {
		this.error = null;
		try {
			this.imported = { name: file.name, recipe: parseRecipe(JSON.parse(await file.text())) };
			this.source = 'file';
		} catch (e) {
			this.error = `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
		}
	}

	async recipeBlob(): Promise<Blob | null> {
		const recipe = await this.recipe();
		if (!recipe) return null;
		await getAuditLog().recordEvent(this.session.projectId, 'export', { format: 'recipe', file: 'recipe.json', identifying: [] });
		return new Blob([serialiseRecipe(recipe)], { type: 'application/json' });
	}

	/** Runs the export in the engine worker; resolves the file to download and its name. */
	async run(): Promise<{ blob: Blob; name: string } | null> {
		const { project, dictionary } = this.session;
		if (!project?.file || !dictionary) return null;
		this.running = true;
		this.error = null;
		this.report = null;
		this.progress = { rows: 0, total: this.session.rows };
		try {
			const engine = getEngine();
			const recipe = await this.recipe();
			const sha256 = project.file.sha256 ?? null;
			const result = await getMonitor()
				.forProject(this.session.projectId)
				.time(
					'export',
					() =>
						engine.exportCleaned(
							{ format: this.format, recipe, flags: this.flags, bom: this.bom, sha256 },
							proxy((p: { rows: number; total: number }) => (this.progress = p))
						),
					{ format: this.format, rows: this.session.rows }
				);
			this.report = result.report;
			this.warnings = result.warnings;
			const { roles } = await engine.dataset();
			const identifying = [roles.id, roles.ip, roles.userAgent, ...roles.openEnds].filter((x): x is string => !!x);
			const base = project.file.name.replace(/\.[^.]+$/, '') || 'survey';
			const name = `${base}-cleaned.${EXTENSIONS[this.format]}`;
			await getAuditLog().recordEvent(this.session.projectId, 'export', {
				format: this.format === 'zsav' ? 'sav' : this.format,
				file: name,
				rows: this.session.rows,
				variables: dictionary.variables.length + (this.flags ? 2 : 0),
				identifying
			});
			void reportProjectEvent(this.session.projectId, 'export.created', {
				format: this.format,
				rows: this.session.rows,
				variables: dictionary.variables.length
			});
			return { blob: result.blob, name };
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return null;
		} finally {
			this.running = false;
			this.progress = null;
		}
	}
}
