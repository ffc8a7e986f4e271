import { createRng, type Rng } from '../../../../app/lib/demo/rng';
import { proseIn } from '../../../../app/lib/demo/prose';

const LANGS = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'tr'];

/** A copy as fraudsters make them: case and punctuation changed, a word added, dropped or swapped. */
function mutate(r: Rng, t: string): string {
	const ws = t.split(' ');
	switch (r.int(0, 4)) {
		case 0:
			return t.toLowerCase().replace(/[.,!?]/g, '');
		case 1:
			return `${t} ${r.pick(['thanks', 'ok', 'danke', 'merci', '!!'])}`;
		case 2:
			ws.splice(r.int(1, ws.length - 1), 1);
			return ws.join(' ');
		case 3:
			ws[r.int(0, ws.length - 1)] = r.pick(['very', 'sehr', 'très', 'muy', 'molto']);
			return ws.join(' ');
		default:
			return `  ${t.toUpperCase()}  `;
	}
}

/**
 * `n` clean prose answers with copy rings planted: ring `g` is the answers whose `ring[i] === g`
 * (-1 = clean). Ring sources are answers of at least 20 words, copied 1–5 times.
 */
export function plantedRings(seed: number, n: number, rings: number): { texts: string[]; ring: Int32Array } {
	const r = createRng(seed);
	const texts = Array.from({ length: n }, (_, i) => proseIn(r, LANGS[i % 9], r.normal()));
	const ring = new Int32Array(n).fill(-1);
	const free = Array.from({ length: n }, (_, i) => i).sort(() => r.next() - 0.5);
	for (let g = 0; g < rings; g++) {
		let source = '';
		while (source.split(' ').length < 20) source = proseIn(r, r.pick(LANGS), r.normal()) + ' ' + proseIn(r, 'en', 0);
		const copies = r.int(2, 6);
		for (let c = 0; c < copies; c++) {
			const i = free.pop()!;
			texts[i] = c === 0 ? source : mutate(r, source);
			ring[i] = g;
		}
	}
	return { texts, ring };
}
