import { expose } from 'comlink';
import * as ort from 'onnxruntime-web/wasm';
import ortWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import ortMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import smokeModel from '../../../wasm-models/smoke.onnx?url';
import botModel from '../../../wasm-models/bot.onnx?url';
import { createMl } from '../ml/ml';
import { startWorkerMonitor } from '../monitor/worker';

// Single-threaded: threads need SharedArrayBuffer, i.e. COOP/COEP headers the relay does not send.
ort.env.wasm.numThreads = 1;
ort.env.wasm.wasmPaths = { wasm: ortWasm, mjs: ortMjs };

startWorkerMonitor('ml');

const MODELS: Record<string, string> = { 'smoke.onnx': smokeModel, 'bot.onnx': botModel };

expose(
	createMl({
		ort,
		async loadModel(file) {
			const res = await fetch(MODELS[file]);
			if (!res.ok) throw new Error(`model ${file}: HTTP ${res.status}`);
			return new Uint8Array(await res.arrayBuffer());
		}
	})
);
