import type { EngineApi } from '$lib/engine/api';

/**
 * Search over the open ends (as the roles detect them, or CONFIG's `openEnds`): the rows of the last
 * text searched, loaded by the engine. Roles are detected once, on the first search.
 */
export class TextSearch {
	/** The open-end variables searched; null until known. */
	variables = $state.raw<string[] | null>(null);
	error = $state<string | null>(null);
	/** Bumped when a search's rows arrive (rows() runs inside $derived, so it must not write state). */
	version = $state(0);
	#text = '';
	#rows: number[] | null = null;
	#roles: Promise<string[]> | null = null;

	constructor(private readonly engine: Pick<EngineApi, 'dataset' | 'searchText'>) {}

	/** Rows matching `text`: null when the text is blank (no filter); empty while loading. */
	rows(text: string): number[] | null {
		void this.version;
		if (!text.trim()) return null;
		if (text !== this.#text) {
			this.#text = text;
			this.#rows = null;
			void this.#search(text);
		}
		return this.#rows ?? [];
	}

	async #search(text: string): Promise<void> {
		try {
			this.#roles ??= this.engine.dataset().then((d) => d.roles.openEnds);
			const variables = await this.#roles;
			this.variables = variables;
			const rows = await this.engine.searchText(variables, text);
			if (text === this.#text) {
				this.#rows = rows;
				this.error = null;
				this.version++;
			}
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}
}
