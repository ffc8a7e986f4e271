/** The one error type the SPSS reader throws: its message is a single line naming the file. */
export class SpssError extends Error {
	constructor(
		readonly file: string,
		readonly reason: string
	) {
		super(`${file}: ${reason}`);
		this.name = 'SpssError';
	}
}
