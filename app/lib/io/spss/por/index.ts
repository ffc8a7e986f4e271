export { openPor, type OpenPorOptions, type PorProgress, type PorReader } from './por-reader';
