import type { Grid, Layout } from './layout';

/** The check engine's CONFIG (SPEC §7) for the demo questionnaire, so checks need no role detection. */
export interface DemoConfig {
	id: string;
	duration: string;
	start: string;
	end: string;
	ip: string;
	userAgent: string;
	grids: Grid[];
	openEnds: string[];
	attentionChecks: { variable: string; expected: number }[];
	/** Routing: `support_sat asked if used_support = 1`. */
	skips: string[];
	ranges: Record<string, [number, number]>;
	/** ISO dates. */
	fieldwork: { start: string; end: string };
	rules: { id: string; when: string; severity: 'info' | 'warning' | 'error'; message: string }[];
}

export function demoConfig(
	layout: Layout,
	attention: { variable: string; expected: number },
	fieldwork: { start: string; end: string }
): DemoConfig {
	return {
		id: 'rid',
		duration: 'duration_s',
		start: 'start_time',
		end: 'end_time',
		ip: 'ip',
		userAgent: 'user_agent',
		grids: layout.grids,
		openEnds: ['oe_like', 'oe_improve'],
		attentionChecks: [attention],
		skips: ['support_sat asked if used_support = 1'],
		ranges: { age: [18, 99], nps: [0, 10], hh_size: [1, 20], n_children: [0, 15] },
		fieldwork,
		rules: [
			{ id: 'hh-children', when: 'hh_size < n_children', severity: 'error', message: 'more children than people in the household' },
			{
				id: 'support-skip',
				when: 'support_sat is not missing and used_support != 1',
				severity: 'warning',
				message: 'support_sat answered although it is asked only if used_support = 1'
			}
		]
	};
}
