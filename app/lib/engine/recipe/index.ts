export { applyRecipe, CLEANED_TABLE, type ApplyOptions } from './apply';
export { parseRecipe, RecipeError } from './parse';
export { serialiseRecipe } from './serialise';
export { decisionsToRecipe } from './from-decisions';
export type * from './types';
export { cleanForExport, type CleanOptions } from './clean';
export { flagScores } from './flag-scores';
