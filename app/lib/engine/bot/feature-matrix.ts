import { computeCareless, type CarelessResult } from '../careless';
import { botFeatures } from './features';
import { fitGridModel } from './grid-model';
import { permutationTest, type PermutationOptions, type PermutationResult } from './permutation-test';

export interface AnswerGrid {
	/** Row-major n × k answers, NaN = missing; every grid has the same n rows. */
	matrix: Float64Array;
	k: number;
	scale: [number, number];
	/** The grid's careless indices when already computed (the check's run state has them). */
	careless?: CarelessResult;
}

/**
 * From the answers of a survey's grids (and durations, when known) to the bot model's input rows:
 * the grid models, the permutation test and the careless indices, then BOT_FEATURES. Grids whose
 * model cannot be fitted are left out.
 * @example const { features } = featureMatrix([{ matrix, k: 25, scale: [1, 6] }], n, null);
 */
export function featureMatrix(
	grids: AnswerGrid[],
	n: number,
	duration: Float64Array | null,
	opts: PermutationOptions = {}
): { features: Float32Array; perm: PermutationResult } {
	const inputs = grids.flatMap((g) => {
		const model = fitGridModel(g.matrix, n, g.k);
		if ('reason' in model) return [];
		return [{ ...g, model, careless: g.careless ?? computeCareless(g.matrix, n, g.k), means: model.means }];
	});
	const perm = permutationTest(inputs, n, opts);
	return { features: botFeatures(inputs, perm, n, duration), perm };
}
