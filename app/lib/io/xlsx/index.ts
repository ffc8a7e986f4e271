export { readFirstSheet, MAX_COLUMNS, type XlsxCell } from './read-sheet';
export { MAX_PART_BYTES } from './workbook-parts';
export { XlsxError } from './xlsx-error';
