export { buildReport, type ReportInput } from './build';
export { gradeOf } from './grade';
export { cleaningSummary } from './cleaning';
export type * from './types';
export { waveSummary } from './waves';
