import { wrap, type Remote } from 'comlink';
import type { EngineApi } from '../engine/api';
import type { MlApi } from '../ml/api';
import EngineWorker from './engine.worker?worker';
import MlWorker from './ml.worker?worker';

let engine: Remote<EngineApi> | null = null;
let ml: Remote<MlApi> | null = null;

/** The engine worker, started on first use and shared by the whole tab. */
export function getEngine(): Remote<EngineApi> {
	return (engine ??= wrap<EngineApi>(new EngineWorker()));
}

export function getMl(): Remote<MlApi> {
	return (ml ??= wrap<MlApi>(new MlWorker()));
}
