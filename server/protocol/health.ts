/** Response of `GET /health`. */
export interface HealthResponse {
	ok: true;
	/** rooms currently loaded in memory */
	rooms: number;
	/** relay version (package.json) */
	version: string;
}
