import { createSubscriber } from 'svelte/reactivity';
import type { Awareness } from 'y-protocols/awareness';
/** What each person shares about themselves: never respondent answers, only an id. */
export interface PresenceState {
	name: string;
	colour: string;
	/** The respondent this person has open, by 1-based row (everyone opened the same file). */
	row?: number | null;
	role?: string;
}

export interface Peer extends PresenceState {
	clientId: number;
	self: boolean;
}

const COLOURS = ['#c0392b', '#2471a3', '#1e8449', '#b9770e', '#7d3c98', '#138d75', '#a04000', '#2e4053'];

/** A stable colour per name. */
export function colourFor(name: string): string {
	let h = 0;
	for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
	return COLOURS[h % COLOURS.length];
}

function isPresence(s: unknown): s is PresenceState {
	return !!s && typeof (s as PresenceState).name === 'string' && typeof (s as PresenceState).colour === 'string';
}

/**
 * Presence in a room: who is here and which respondent each looks at. `.peers` is reactive.
 * @example const presence = new Presence(link.provider.awareness, { name: 'ana', colour: colourFor('ana') });
 */
export class Presence {
	#subscribe: () => void;

	constructor(
		readonly awareness: Awareness,
		me: PresenceState
	) {
		awareness.setLocalState({ ...me });
		this.#subscribe = createSubscriber((update) => {
			awareness.on('change', update);
			return () => awareness.off('change', update);
		});
	}

	get peers(): Peer[] {
		this.#subscribe();
		const self = this.awareness.clientID;
		const out: Peer[] = [];
		for (const [clientId, state] of this.awareness.getStates()) {
			if (isPresence(state)) out.push({ ...state, clientId, self: clientId === self });
		}
		return out.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
	}

	/** Everyone else looking at the respondent in this row. */
	lookingAt(row: number): Peer[] {
		return this.peers.filter((p) => !p.self && p.row === row);
	}

	look(row: number | null): void {
		this.awareness.setLocalStateField('row', row);
	}

	rename(name: string): void {
		this.awareness.setLocalStateField('name', name);
		this.awareness.setLocalStateField('colour', colourFor(name));
	}
}
