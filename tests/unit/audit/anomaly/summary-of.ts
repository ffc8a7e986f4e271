import type { Anomaly } from '../../../../app/lib/audit/anomalies';

/** A flag in a few words for readable assertions: kind, hour of day and size. */
export const summaryOf = (a: Anomaly) => `${a.kind} ${a.hour}h x${a.magnitude}`;
