import { getLogDb, type LogDb } from './log-db';
import { createLogger, type Logger } from './logger';
import { createLogRing, type LogRing } from './ring';
import { createShipper, type Shipper } from './shipper';
import { DEVICE_KEY, loadShippingConsent, mayShip, projectKey, shippingToken } from './shipping';
import { sessionTrace } from './traceparent';
import type { LocalLogEntry } from './types';

/** The page's monitoring: one trace per page session, the local log, and the opt-in shipper. */
export interface Monitor {
	readonly trace: string;
	readonly log: Logger;
	readonly ring: LogRing;
	readonly shipper: Shipper;
	/** A logger for one project's work (its entries can ship with that project's consent). */
	forProject(projectId: string): Logger;
	/** Turns shipping on or off for a project, or for the whole device when `projectId` is null. */
	setShipping(projectId: string | null, enabled: boolean): Promise<void>;
	shipping(projectId: string | null): boolean;
}

let monitor: Monitor | null = null;

function createMonitor(db: LogDb, relayOrigin: string): Monitor {
	const trace = sessionTrace();
	const ring = createLogRing({ db });
	let consent = new Set<string>();
	const ready = loadShippingConsent(db).then((c) => (consent = c));
	/** the project of the newest shippable entry: its room token is preferred */
	let lastProject: string | undefined;
	const shipper = createShipper({
		trace,
		async send(body, headers, keepalive) {
			await ready;
			const token = await shippingToken(consent, lastProject);
			if (!token) throw new Error('no relay room to ship logs to');
			const res = await fetch(`${relayOrigin}/logs`, {
				method: 'POST',
				body,
				keepalive,
				headers: { ...headers, authorization: `Bearer ${token}` }
			});
			return res.status;
		}
	});
	const sink = (entry: LocalLogEntry) => {
		ring.add(entry);
		if (mayShip(consent, entry.projectId)) {
			lastProject = entry.projectId ?? lastProject;
			shipper.push(entry);
		}
	};
	const log = createLogger({ sink, trace, source: 'page' });
	return {
		trace,
		log,
		ring,
		shipper,
		forProject: (projectId) => log.child({}, projectId),
		async setShipping(projectId, enabled) {
			const key = projectId === null ? DEVICE_KEY : projectKey(projectId);
			await db.shipping.put({ key, enabled });
			await ready;
			if (enabled) consent.add(key);
			else consent.delete(key);
		},
		shipping: (projectId) => consent.has(projectId === null ? DEVICE_KEY : projectKey(projectId))
	};
}

/** The tab's monitor, created on first use. */
export function getMonitor(): Monitor {
	return (monitor ??= createMonitor(getLogDb(), location.origin));
}

/**
 * Logs what would otherwise only reach the console (uncaught errors, unhandled rejections) and
 * sends the last batch when the page hides. Returns a function that removes the listeners.
 */
export function startMonitor(target: Window = window): () => void {
	const m = getMonitor();
	// an error on a project's pages is about that project (and ships with its consent)
	const log = () => {
		const project = target.location.pathname.match(/^\/project\/([^/]+)/)?.[1];
		return project ? m.forProject(decodeURIComponent(project)) : m.log;
	};
	const onError = (e: ErrorEvent) => log().error('uncaught error', e.error ?? e.message);
	const onRejection = (e: PromiseRejectionEvent) => log().error('unhandled rejection', e.reason);
	const onHide = () => {
		if (document.visibilityState === 'hidden') m.shipper.flushOnHide();
	};
	const onPageHide = () => m.shipper.flushOnHide();
	const onOnline = () => void m.shipper.flush();
	target.addEventListener('error', onError);
	target.addEventListener('unhandledrejection', onRejection);
	target.addEventListener('pagehide', onPageHide);
	target.addEventListener('online', onOnline);
	document.addEventListener('visibilitychange', onHide);
	return () => {
		target.removeEventListener('error', onError);
		target.removeEventListener('unhandledrejection', onRejection);
		target.removeEventListener('pagehide', onPageHide);
		target.removeEventListener('online', onOnline);
		document.removeEventListener('visibilitychange', onHide);
	};
}
