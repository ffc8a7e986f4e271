import type { HookEvent } from './summary';

/** The generic body: exactly the event, `{type, timestamp, room, data}`. */
export const genericBody = ({ type, timestamp, room, data }: HookEvent) => JSON.stringify({ type, timestamp, room, data });
