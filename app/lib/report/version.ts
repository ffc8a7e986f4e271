import { version } from '../../../package.json';

/** The app's version as package.json states it: printed in reports. */
export const SIEVE_VERSION: string = version;
