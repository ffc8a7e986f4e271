/** The ML worker's API. */
export interface MlApi {
	/** Runs the smoke model on rows of three features; resolves one probability per row. */
	smoke(features: Float32Array, rows: number): Promise<Float32Array>;
	/** Runs the bot model (wasm-models/bot.onnx) on rows of BOT_FEATURES; resolves one calibrated probability per row. */
	bot(features: Float32Array, rows: number): Promise<Float32Array>;
}
