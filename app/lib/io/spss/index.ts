/** Public API of the SPSS system-file reader (.sav / .zsav). */
export { openSav, type OpenSavOptions, type SavProgress, type SavReader } from './sav-reader';
export { readSavAll, type SavData } from './read-all';
export { SpssError } from './spss-error';
export { formatCode, formatName, parseFormat, printFormat, type FormatSpec } from './formats';
export { epochMsToSpssSeconds, spssSecondsToEpochMs, varTypeForFormat } from './dates';
