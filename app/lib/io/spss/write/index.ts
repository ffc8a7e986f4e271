export { writeSav, savChunks, type SavSink, type SavWriteOptions, type SavWriteReport } from './write-sav';
export { planLayout } from './layout';
export { planNames, isValidLongName, type Rename } from './names';
export { SavWriteError } from './write-error';
export { streamDeflate, type Deflate } from './zlib-blocks';
