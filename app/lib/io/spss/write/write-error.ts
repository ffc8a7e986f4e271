/** A dictionary or batch that cannot be written as a system file; the message names the variable. */
export class SavWriteError extends Error {
	override name = 'SavWriteError';
}
