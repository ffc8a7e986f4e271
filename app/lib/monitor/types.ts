import type { LogEntry, LogLevel } from '../../../server/protocol/logs';

export type { LogEntry, LogLevel };

/** An entry as this browser keeps it: the wire entry plus the trace it belongs to and where it came from. */
export interface LocalLogEntry extends LogEntry {
	/** 32-hex trace id of the page or worker session that logged it */
	trace: string;
	/** 'page', 'engine', 'ml' */
	source: string;
	/** project the entry concerns, when there is one */
	projectId?: string;
}

/** Where a logger's entries go: the local ring buffer, the shipper, a test's array. */
export type LogSink = (entry: LocalLogEntry) => void;
