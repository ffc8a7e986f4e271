import type * as Ort from 'onnxruntime-web';
import { BOT_FEATURES } from '../engine/bot/features';
import type { MlApi } from './api';

export interface MlDeps {
	ort: typeof Ort;
	/** Model bytes by file name (fetched from our own origin in the browser, read from disk in Node). */
	loadModel(file: string): Promise<Uint8Array>;
}

/**
 * @example expose(createMl({ ort, loadModel: (f) => fetch(urls[f]).then(...) }));
 */
export function createMl(deps: MlDeps): MlApi {
	const sessions = new Map<string, Promise<Ort.InferenceSession>>();
	const session = (file: string) => {
		let s = sessions.get(file);
		if (!s) {
			s = deps.loadModel(file).then((bytes) => deps.ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] }));
			sessions.set(file, s);
		}
		return s;
	};
	return {
		async smoke(features, rows) {
			const s = await session('smoke.onnx');
			const out = await s.run({ features: new deps.ort.Tensor('float32', features, [rows, 3]) });
			return out.probability.data as Float32Array;
		},
		async bot(features, rows) {
			const s = await session('bot.onnx');
			const out = await s.run({ features: new deps.ort.Tensor('float32', features, [rows, BOT_FEATURES.length]) });
			return out.probability.data as Float32Array;
		}
	};
}
