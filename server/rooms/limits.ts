/** What one room connection may do before the relay drops its messages or closes it. */
export interface ConnectionLimits {
	/** awareness client ids one connection may speak for (a y-websocket client uses one per doc) */
	awarenessClientIds: number;
	/** largest awareness state (JSON) of one client id */
	awarenessStateBytes: number;
	/** awareness updates accepted per second, on average; more are dropped */
	awarenessPerSecond: number;
	/** awareness updates accepted in one burst */
	awarenessBurst: number;
	/** a query-awareness message is answered at most once per this many milliseconds */
	queryAwarenessIntervalMs: number;
	/** past this many unsent bytes, presence messages to the connection are dropped */
	sendBufferSoftBytes: number;
	/** past this many unsent bytes, the connection is closed (a reader that stopped reading) */
	sendBufferHardBytes: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
	awarenessClientIds: 4,
	awarenessStateBytes: 2048,
	awarenessPerSecond: 5,
	awarenessBurst: 10,
	queryAwarenessIntervalMs: 5000,
	sendBufferSoftBytes: 1024 * 1024,
	sendBufferHardBytes: 32 * 1024 * 1024
};
