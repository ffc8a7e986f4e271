import type { FindingsFormat, Recipe, Report } from '../engine/api';
import { reportHtml } from '../report/html';
import { REPORT_FONT_FILES } from '../report/pdf/fonts';
import { reportPdf } from '../report/pdf/report-pdf';
import { SIEVE_VERSION } from '../report/version';
import { getAuditLog } from '../store/audit-log';
import { getDb } from '../store/db';
import { getDeviceIdentity } from '../store/device';
import { getEngine } from '../workers/clients';
import type { ProjectSession } from './ProjectSession.svelte';

/** The Checks and Export pages' report downloads: the data-quality report, the findings and the recipe as SPSS syntax. */
export class ReportJob {
	running = $state(false);
	error = $state<string | null>(null);

	constructor(private readonly session: ProjectSession) {}

	get #base(): string {
		return this.session.project?.file?.name.replace(/\.[^.]+$/, '') || 'survey';
	}

	async #job(file: string, make: () => Promise<Blob>): Promise<{ blob: Blob; name: string } | null> {
		this.running = true;
		this.error = null;
		try {
			const blob = await make();
			const id = this.session.idVariable;
			await getAuditLog().recordEvent(this.session.projectId, 'export', { format: 'report', file, identifying: id ? [id] : [] });
			return { blob, name: file };
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return null;
		} finally {
			this.running = false;
		}
	}

	async #report(recipe: Recipe | null): Promise<Report> {
		const db = getDb();
		const summary = (await db.checkRuns.get(this.session.projectId))?.summary;
		if (!summary) throw new Error('Run the checks first: the report describes the last check run.');
		const project = this.session.project;
		return getEngine().report({
			summary,
			recipe,
			meta: {
				project: project?.name ?? '',
				file: project?.file?.name ?? '',
				sha256: project?.demo ? null : (project?.file?.sha256 ?? null),
				generatedAt: new Date().toISOString(),
				sieveVersion: SIEVE_VERSION,
				author: (await getDeviceIdentity(db)).actor
			}
		});
	}

	/** The self-contained HTML report of the last check run, with the cleaning `recipe` does. */
	html(recipe: Recipe | null): Promise<{ blob: Blob; name: string } | null> {
		return this.#job(`${this.#base}-report.html`, async () => new Blob([reportHtml(await this.#report(recipe))], { type: 'text/html' }));
	}

	/** The same report as a PDF, with the fonts the app ships (cached for offline use). */
	pdf(recipe: Recipe | null): Promise<{ blob: Blob; name: string } | null> {
		return this.#job(`${this.#base}-report.pdf`, async () => {
			const [report, fonts] = await Promise.all([
				this.#report(recipe),
				Promise.all(REPORT_FONT_FILES.map(async (f) => new Uint8Array(await (await fetch(`/fonts/${f}`)).arrayBuffer())))
			]);
			return new Blob([reportPdf(report, fonts) as BlobPart], { type: 'application/pdf' });
		});
	}

	findings(format: FindingsFormat): Promise<{ blob: Blob; name: string } | null> {
		return this.#job(`${this.#base}-findings.${format}`, () => getEngine().exportFindings(format));
	}

	syntax(recipe: Recipe): Promise<{ blob: Blob; name: string } | null> {
		return this.#job(`${this.#base}-recipe.sps`, async () => {
			const text = await getEngine().recipeSyntax({ recipe, file: this.session.project?.file?.name });
			return new Blob([text], { type: 'text/plain' });
		});
	}
}
