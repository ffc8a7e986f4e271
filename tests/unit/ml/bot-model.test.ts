import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import { featureMatrix } from '../../../app/lib/engine/bot/feature-matrix';
import { BOT_FEATURES } from '../../../app/lib/engine/bot/features';
import { createMl } from '../../../app/lib/ml/ml';
import { bfi, injectBots, recallByKind } from '../engine/bot/answers-table';

const MODELS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../wasm-models');
ort.env.wasm.numThreads = 1;
const ml = createMl({ ort, loadModel: async (file) => readFileSync(path.join(MODELS, file)) });

describe('bot model (wasm-models/bot.onnx) through onnxruntime-web', () => {
	it('matches its manifest entry: file hash, feature list and version', async () => {
		const manifest = JSON.parse(readFileSync(path.join(MODELS, 'manifest.json'), 'utf8'));
		const entry = manifest.models.find((m: { name: string }) => m.name === 'bot');
		const { createHash } = await import('node:crypto');
		expect(
			createHash('sha256')
				.update(readFileSync(path.join(MODELS, 'bot.onnx')))
				.digest('hex')
		).toBe(entry.sha256);
		expect(entry.inputs[0].features).toEqual([...BOT_FEATURES]);
		expect(entry.version).toBe(1);
	});

	// Measured (bot.md): p ≥ 0.5 flags 9 % of the real respondents, 77 % uniform, 100 % mid-range, 91 % biased:
	// short of the targets (the simulator's humans answer more extremely than bfi's), so the
	// `bot` check does not use the model yet. These bounds guard against a worse retrained model.
	it('on real bfi answers with injected random responders, separates them from the real respondents', async () => {
		const { rows } = bfi();
		const truth = injectBots(rows, ['uniform', 'mid-range', 'biased'], 100, [1, 6], 16);
		const n = rows.length;
		const matrix = Float64Array.from(rows.flat());
		const { features } = featureMatrix([{ matrix, k: 25, scale: [1, 6] }], n, null, { seed: 1 });
		const p = await ml.bot(features, n);
		expect(p.length).toBe(n);
		const at = (t: number) => recallByKind(truth, (r) => p[r - 1] >= t);
		console.info('bot model on bfi, p ≥ 0.5:', at(0.5), 'p ≥ 0.2:', at(0.2));
		const recall = at(0.5);
		expect(recall.uniform).toBeGreaterThanOrEqual(0.7);
		expect(recall['mid-range']).toBeGreaterThanOrEqual(0.95);
		expect(recall.biased).toBeGreaterThanOrEqual(0.85);
		expect(recall.human).toBeLessThanOrEqual(0.1);
	});
});
