export { exportChunks, formatOf, type ExportDeps } from './export-chunks';
export { withFlags, FLAG_VARIABLES, SCORE_VARIABLE, VERDICT_VARIABLE, type FlagInput } from './flags';
export { neutraliseFormula } from './neutralise';
export { csvField } from './csv';
export { XLSX_MAX_CELLS, XLSX_MAX_ROWS, XlsxLimitError } from './xlsx';
export { DICTIONARY_METADATA_KEY } from './parquet';
export { readPages } from './pages';
export type { ExportFormat, ExportOptions, ExportSource, RespondentFlags, Verdict } from './types';
