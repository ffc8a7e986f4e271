/** The ML worker's API. */
export interface MlApi {
	/** Runs the smoke model on rows of three features; resolves one probability per row. */
	smoke(features: Float32Array, rows: number): Promise<Float32Array>;
}
