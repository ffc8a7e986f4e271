export { generateDemo, type Demo, type DemoOptions } from './generate';
export { PLANTED_KINDS, DEFAULT_RATE, type PlantedKind, type PlantedProblem, type PlantRates } from './kinds';
export type { DemoConfig } from './config';
export type { Grid } from './layout';
