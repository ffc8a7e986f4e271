import { getLogDb } from './log-db';
import { createLogger, type Logger } from './logger';
import { createLogRing } from './ring';
import { newTraceId } from './traceparent';

/**
 * A worker's logger, writing to the same local log as the page (its entries stay on the device:
 * errors that reach the page through the worker API are logged and shipped there). Logs the
 * worker's uncaught errors and unhandled rejections.
 */
export function startWorkerMonitor(source: 'engine' | 'ml', scope: EventTarget = self): Logger {
	const ring = createLogRing({ db: getLogDb() });
	const log = createLogger({ sink: (e) => ring.add(e), trace: newTraceId(), source });
	scope.addEventListener('error', (e: Event) =>
		log.error('uncaught error in worker', (e as ErrorEvent).error ?? (e as ErrorEvent).message)
	);
	scope.addEventListener('unhandledrejection', (e: Event) =>
		log.error('unhandled rejection in worker', (e as PromiseRejectionEvent).reason)
	);
	return log;
}
