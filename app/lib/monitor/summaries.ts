import type { LocalLogEntry } from './types';

/** Errors of one kind in the local log. */
export interface LocalErrorGroup {
	fingerprint: string;
	name: string;
	message: string;
	count: number;
	firstSeen: string;
	lastSeen: string;
}

/** The local log's errors grouped by fingerprint, the most recent group first. */
export function errorGroups(entries: readonly LocalLogEntry[]): LocalErrorGroup[] {
	const groups = new Map<string, LocalErrorGroup>();
	for (const e of entries) {
		const fp = e.error?.fingerprint;
		if (!fp) continue;
		const n = e.count ?? 1;
		const g = groups.get(fp);
		if (!g)
			groups.set(fp, { fingerprint: fp, name: e.error!.name, message: e.error!.message, count: n, firstSeen: e.time, lastSeen: e.time });
		else {
			g.count += n;
			if (e.time < g.firstSeen) g.firstSeen = e.time;
			if (e.time > g.lastSeen) g.lastSeen = e.time;
		}
	}
	return [...groups.values()].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));
}

/** Check durations over time: one series per check, one point per run (oldest first). */
export interface CheckTimings {
	checks: string[];
	/** x: ISO time of the run, y: duration in ms per check */
	series: { check: string; points: { time: string; ms: number }[] }[];
}

export function checkTimings(entries: readonly LocalLogEntry[]): CheckTimings {
	const byCheck = new Map<string, { time: string; ms: number }[]>();
	for (const e of entries) {
		const check = e.context?.check;
		const ms = e.context?.durationMs;
		if (e.message !== 'check finished' || typeof check !== 'string' || typeof ms !== 'number') continue;
		if (!byCheck.has(check)) byCheck.set(check, []);
		byCheck.get(check)!.push({ time: e.time, ms });
	}
	const checks = [...byCheck.keys()].sort();
	return { checks, series: checks.map((check) => ({ check, points: byCheck.get(check)!.sort((a, b) => a.time.localeCompare(b.time)) })) };
}

/**
 * The "copy diagnostic report" text: a short header, the error groups, then every entry as one
 * JSON line. Entries were redacted when logged, so nothing here needs redacting again.
 */
export function diagnosticReport(entries: readonly LocalLogEntry[], about: { userAgent: string; trace: string; now: string }): string {
	const groups = errorGroups(entries);
	return [
		`Sieve diagnostic report · ${about.now}`,
		about.userAgent,
		`trace ${about.trace} · ${entries.length} entries · ${groups.length} error groups`,
		'',
		'## errors',
		...groups.map((g) => `${g.count}× ${g.name}: ${g.message} (${g.fingerprint}, ${g.firstSeen} – ${g.lastSeen})`),
		'',
		'## log (oldest first)',
		...[...entries].reverse().map((e) => JSON.stringify(e))
	].join('\n');
}
