import type { Dataset } from '../dataset/dataset';
import { DEFAULT_WEIGHTS } from '../scoring';
import type { Methods } from './types';

/** The careless-responding indices as computed per grid (SPEC §4; equal to R `careless` 1.2.2). */
export const CARELESS_DEFINITIONS: Methods['carelessIndices'] = [
	{ name: 'longstring', definition: 'longest run of identical consecutive answers; a missing answer breaks a run' },
	{ name: 'longstringAvg', definition: 'items / number of runs of identical consecutive answers' },
	{ name: 'irv', definition: 'sample standard deviation (n−1) of the non-missing answers' },
	{
		name: 'mahad',
		definition:
			'Mahalanobis D² with pairwise-complete covariance, a missing answer contributing zero deviation; flagged above χ²(0.99, items)'
	},
	{
		name: 'evenodd',
		definition: 'per factor, mean of odd- and even-position items; Pearson r across factors; Spearman-Brown 2r/(1+r) floored at −1, negated'
	},
	{ name: 'psychsyn', definition: 'Pearson r across item pairs correlated above the critical value (default 0.60); null below 3 pairs' },
	{ name: 'psychant', definition: 'as psychsyn for pairs correlated below −critical value' }
];

/** Roles, id, weights and thresholds: what a reader needs besides the per-check parameters to reproduce the run. */
export function methodsOf(ds: Dataset, thresholds: { review: number; remove: number }): Methods {
	const r = ds.roles;
	const one = (role: string, v: string | null) => (v ? [{ role, variables: [v] }] : []);
	const many = (role: string, vs: string[]) => (vs.length ? [{ role, variables: vs }] : []);
	return {
		idVariable: ds.idVariable,
		roles: [
			...one('id', r.id),
			...one('weight', r.weight),
			...one('start', r.start),
			...one('end', r.end),
			...one('duration', r.duration),
			...one('ip', r.ip),
			...one('user agent', r.userAgent),
			...r.grids.map((g) => ({ role: `grid ${g.name}`, variables: g.items })),
			...many('open end', r.openEnds),
			...many('screener', r.screeners),
			...many('attention check', r.attentionChecks),
			...many(
				'demographic',
				Object.values(r.demographics).filter((v): v is string => !!v)
			),
			...many('page time', r.pageTimes),
			...many('paradata', r.paradata)
		],
		weights: { ...DEFAULT_WEIGHTS, ...ds.config.scoring?.weights },
		thresholds,
		carelessIndices: CARELESS_DEFINITIONS
	};
}
