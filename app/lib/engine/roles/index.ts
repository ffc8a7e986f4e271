export { detectRoles, applyConfig } from './detect';
export type { SurveyRoles, Grid, Demographics } from './types';
export { effectiveDictionary, inferMissingCodes } from './missing-codes';
export type { RoleOverrides } from './detect';
export type { Platform } from './types';
export { detectPlatform, nameKey } from './platform';
