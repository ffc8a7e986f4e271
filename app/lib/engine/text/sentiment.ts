import { createTokens, tokenize, type Tokens } from './tokens';
import { createWordTable } from './word-table';

export type Lang = 'en' | 'de' | 'fr' | 'es';

const LEX: Record<Lang, { pos: string; neg: string; not: string; more: string; stop: string }> = {
	en: {
		pos: 'good great excellent love loved like liked nice happy satisfied helpful friendly easy fast quick clean amazing awesome perfect best wonderful fantastic recommend pleasant comfortable enjoy enjoyed fine efficient polite reliable',
		neg: 'bad poor terrible awful hate hated dislike slow late rude dirty expensive broken disappointed disappointing worst horrible useless difficult confusing annoying problem problems damaged unhappy unfriendly crash crashes waste complicated',
		not: "not no never dont don't didnt didn't isnt isn't wasnt wasn't cannot cant can't hardly",
		more: 'very really extremely so too super absolutely totally quite',
		stop: 'the and was is it to of i my for but with this that very not were be have'
	},
	de: {
		pos: 'gut gute guter gutes super toll schnelle ausgezeichnet hervorragend zufrieden freundlich schnell einfach sauber prima perfekt schön empfehlen angenehm hilfreich lecker',
		neg: 'schlecht schrecklich furchtbar langsam spät teuer unfreundlich kaputt enttäuscht enttäuschend ärgerlich schmutzig schwierig kompliziert problem probleme beschädigt nervig unzufrieden',
		not: 'nicht kein keine nie niemals kaum',
		more: 'sehr wirklich extrem total echt ziemlich zu',
		stop: 'der die das und ist war ich nicht mit zu sehr ein eine für aber auch es'
	},
	fr: {
		pos: 'bon bonne bien excellent excellente super génial satisfait satisfaite aimable rapide facile propre parfait agréable recommande recommanderais content contente utile',
		neg: 'mauvais mauvaise nul nulle terrible horrible lent lente retard cher chère sale cassé déçu déçue décevant difficile compliqué problème problèmes abîmé désagréable',
		not: 'pas ne jamais aucun aucune guère',
		more: 'très vraiment trop extrêmement super assez',
		stop: 'le la les et est était je pas de des un une pour mais avec très il ce'
	},
	es: {
		pos: 'bueno buena buen buenos buenas bien excelente genial contento contenta satisfecho satisfecha amable rápido rápida fácil limpio perfecto agradable recomiendo recomendaría útil encanta',
		neg: 'malo mala mal terrible horrible lento lenta tarde caro cara sucio roto decepcionado decepcionante difícil complicado problema problemas dañado desagradable',
		not: 'no nunca jamás ningún ninguna tampoco',
		more: 'muy realmente demasiado extremadamente súper bastante',
		stop: 'el la los las y es fue yo no de un una para pero con muy que lo'
	}
};

const LANGS = Object.keys(LEX) as Lang[];
const KINDS = ['pos', 'neg', 'not', 'more', 'stop'] as const;
const bit = (l: number, kind: number) => 1 << (l * KINDS.length + kind);
const [POS, NEG, NOT, MORE, STOP] = KINDS.map((_, k) => k);

// every lexicon word with one bit per (language, kind) it belongs to
const WORDS = createWordTable(
	LANGS.reduce((m, lang, l) => {
		KINDS.forEach((kind, k) => {
			for (const w of LEX[lang][kind].split(' ')) m.set(w, (m.get(w) ?? 0) | bit(l, k));
		});
		return m;
	}, new Map<string, number>())
);

export interface Sentiment {
	/** −1 (negative) … +1 (positive); 0 when no opinion words were found. */
	score: number;
	lang: Lang | null;
	hits: number;
}

const scratch = createTokens();
let flags = new Int32Array(64);

/** Lexicon sentiment with negation ("not good") and intensifiers ("very bad"). */
export function sentimentOf(text: string): Sentiment {
	tokenize(text.toLowerCase(), scratch);
	const out: Sentiment = { score: 0, lang: null, hits: 0 };
	sentimentOfTokens(scratch, out);
	return out;
}

/** `sentimentOf` over tokens already made, written into `out`. */
export function sentimentOfTokens(t: Tokens, out: Sentiment): void {
	const n = t.count;
	if (flags.length < n) flags = new Int32Array(n * 2);
	for (let i = 0; i < n; i++) flags[i] = WORDS.get(t.units, t.start[i], t.end[i]);
	const lang = detectLang(n);
	const from = lang < 0 ? 0 : lang;
	const to = lang < 0 ? LANGS.length - 1 : lang;
	let sum = 0;
	let hits = 0;
	for (let i = 0; i < n; i++) {
		const f = flags[i];
		if (!f) continue;
		for (let l = from; l <= to; l++) {
			let v = f & bit(l, POS) ? 1 : f & bit(l, NEG) ? -1 : 0;
			if (!v) continue;
			if (anyOf(Math.max(0, i - 3), i, bit(l, NOT)) || (LANGS[l] === 'de' && anyOf(i + 1, Math.min(n, i + 3), bit(l, NOT)))) v = -v * 0.8;
			if (i > 0 && flags[i - 1] & bit(l, MORE)) v *= 1.5;
			sum += v;
			hits++;
			break;
		}
	}
	const score = hits ? Math.max(-1, Math.min(1, sum / Math.sqrt(hits + 1))) : 0;
	out.score = Math.round(score * 1000) / 1000;
	out.lang = lang < 0 ? null : LANGS[lang];
	out.hits = hits;
}

function anyOf(from: number, to: number, b: number): boolean {
	for (let i = from; i < to; i++) if (flags[i] & b) return true;
	return false;
}

/** The language with the most stop words among the first `n` tokens (first wins ties), or −1. */
function detectLang(n: number): number {
	let best = -1;
	let bestN = 0;
	for (let l = 0; l < LANGS.length; l++) {
		const b = bit(l, STOP);
		let c = 0;
		for (let i = 0; i < n; i++) if (flags[i] & b) c++;
		if (c > bestN) {
			best = l;
			bestN = c;
		}
	}
	return best;
}
