/** What the xlsx reader throws: a one-line reason; the importer prefixes the file name. */
export class XlsxError extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'XlsxError';
	}
}
