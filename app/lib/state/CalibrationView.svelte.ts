import { CALIBRATION_RULES, reviewerCalibration, type RespondentContext } from '../audit/calibration';
import type { DeviceEvent } from '../audit/events';
import { getEngine } from '../workers/clients';
import { calibrationContext } from './calibration-context';

/**
 * Reviewer calibration on the audit page: rates from the decisions alone at once (split by the typed
 * reason), and by check and interviewer once the data's findings are read from the engine.
 */
export class CalibrationView {
	/** Difference in exclusion rate shown as a problem, in percentage points. */
	thresholdPoints = $state(Math.round(CALIBRATION_RULES.threshold * 100));
	interviewer = $state<string | null>(null);
	loading = $state(false);
	error = $state<string | null>(null);
	#context = $state.raw<Map<string, RespondentContext> | null>(null);

	constructor(readonly events: () => DeviceEvent[] | null) {}

	readonly result = $derived.by(() => {
		const context = this.#context;
		const threshold = Math.max(0, Number(this.thresholdPoints) || 0) / 100;
		return reviewerCalibration(this.events() ?? [], context ? (id) => context.get(id) : undefined, { ...CALIBRATION_RULES, threshold });
	});

	get usesData(): boolean {
		return this.#context !== null;
	}

	/** Reads which checks flagged each respondent and its interviewer from the open project's data. */
	async useData(): Promise<void> {
		this.loading = true;
		this.error = null;
		try {
			const found = await calibrationContext(getEngine());
			if (!found) throw new Error('The data has no respondent id, so decisions cannot be matched to it.');
			this.interviewer = found.interviewer;
			this.#context = found.context;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		} finally {
			this.loading = false;
		}
	}
}
