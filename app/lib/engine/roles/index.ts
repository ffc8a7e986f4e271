export { detectRoles, applyConfig } from './detect';
export type { SurveyRoles, Grid, Demographics } from './types';
