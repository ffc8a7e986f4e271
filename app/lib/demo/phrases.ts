import type { Language } from './countries';
import type { Rng } from './rng';

interface Bank {
	and: string;
	likeOpen: string[];
	likeWhat: string[];
	likeTail: string[];
	likeLow: string[];
	improveOpen: string[];
	improveWhat: string[];
	improveTail: string[];
	improveNone: string[];
}

const BANKS: Record<Language, Bank> = {
	en: {
		and: 'and',
		likeOpen: ['I like', 'I really like', 'What I like most is', 'I appreciate', 'Definitely'],
		likeWhat: [
			'the fast delivery',
			'the friendly customer service',
			'the prices',
			'the quality of the products',
			'the easy checkout',
			'the app',
			'the wide range of products',
			'the free returns'
		],
		likeTail: ['.', '', ', keep it up!', ', everything just works.', ' and the staff are helpful.'],
		likeLow: ['Not much, to be honest.', 'Hard to say.', 'The prices are ok I guess.', 'Delivery is usually on time.'],
		improveOpen: ['Please improve', 'You could work on', 'Improve', 'It would be great to improve'],
		improveWhat: [
			'the delivery times',
			'the search on the website',
			'the return process',
			'the prices',
			'the phone hotline',
			"the app's stability",
			'the product descriptions'
		],
		improveTail: ['.', '!', ', it takes far too long.', ' please.'],
		improveNone: ['Nothing, all good.', 'Keep doing what you do.', 'Nothing comes to mind.']
	},
	de: {
		and: 'und',
		likeOpen: ['Gut finde ich', 'Besonders gut finde ich', 'Ich schätze', 'Mir gefällt vor allem'],
		likeWhat: [
			'die schnelle Lieferung',
			'den freundlichen Kundenservice',
			'die Preise',
			'die Qualität der Produkte',
			'die App',
			'die große Auswahl',
			'die kostenlose Rücksendung'
		],
		likeTail: ['.', '', ', weiter so!', ', alles klappt gut.'],
		likeLow: ['Eigentlich nicht viel.', 'Schwer zu sagen.', 'Die Preise sind okay.'],
		improveOpen: ['Bitte verbessern:', 'Verbessern könnte man', 'Besser werden sollten'],
		improveWhat: [
			'die Lieferzeiten',
			'die Suche auf der Website',
			'den Rückgabeprozess',
			'die Preise',
			'die Hotline',
			'die Stabilität der App'
		],
		improveTail: ['.', '!', ', das dauert zu lange.'],
		improveNone: ['Nichts, alles gut.', 'Weiter so.']
	},
	fr: {
		and: 'et',
		likeOpen: ["J'aime", "J'apprécie", "Ce que je préfère, c'est"],
		likeWhat: [
			'la livraison rapide',
			'le service client aimable',
			'les prix',
			'la qualité des produits',
			"l'application",
			'le grand choix',
			'les retours gratuits'
		],
		likeTail: ['.', '', ', continuez comme ça !', ', tout fonctionne bien.'],
		likeLow: ['Pas grand-chose.', 'Difficile à dire.', 'Les prix sont corrects.'],
		improveOpen: ['Il faudrait améliorer', 'Améliorez', 'À revoir :'],
		improveWhat: [
			'les délais de livraison',
			'la recherche sur le site',
			'le processus de retour',
			'les prix',
			'la hotline',
			"la stabilité de l'application"
		],
		improveTail: ['.', ' !', ", c'est trop long."],
		improveNone: ['Rien, tout va bien.', 'Continuez ainsi.']
	},
	es: {
		and: 'y',
		likeOpen: ['Me gusta', 'Valoro', 'Lo que más me gusta es'],
		likeWhat: [
			'la entrega rápida',
			'la atención al cliente',
			'los precios',
			'la calidad de los productos',
			'la aplicación',
			'la gran variedad',
			'las devoluciones gratuitas'
		],
		likeTail: ['.', '', ', ¡seguid así!', ', todo funciona bien.'],
		likeLow: ['No mucho, la verdad.', 'Difícil de decir.', 'Los precios están bien.'],
		improveOpen: ['Deberían mejorar', 'Mejoren', 'Se podría mejorar'],
		improveWhat: [
			'los plazos de entrega',
			'la búsqueda en la web',
			'el proceso de devolución',
			'los precios',
			'la línea de atención',
			'la estabilidad de la app'
		],
		improveTail: ['.', '!', ', tarda demasiado.'],
		improveNone: ['Nada, todo bien.', 'Seguid así.']
	}
};

/** A plausible answer to "what do you like?"; unhappy respondents say less. */
export function likeAnswer(rng: Rng, lang: Language, satisfaction: number): string {
	const b = BANKS[lang];
	if (satisfaction < -0.8 && rng.chance(0.7)) return rng.pick(b.likeLow);
	const what = rng.pick(b.likeWhat);
	const also = rng.chance(0.25) ? rng.pick(b.likeWhat) : what;
	const things = also === what ? what : `${what} ${b.and} ${also}`;
	return `${rng.pick(b.likeOpen)} ${things}${rng.pick(b.likeTail)}`;
}

/** A plausible answer to "what should we improve?"; happy respondents often say nothing needs to. */
export function improveAnswer(rng: Rng, lang: Language, satisfaction: number): string {
	const b = BANKS[lang];
	if (satisfaction > 1 && rng.chance(0.5)) return rng.pick(b.improveNone);
	return `${rng.pick(b.improveOpen)} ${rng.pick(b.improveWhat)}${rng.pick(b.improveTail)}`;
}

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop'];
const CONSONANTS = 'bcdfghjklmnpqrstvwxz';
export const NON_ANSWERS: readonly string[] = ['n/a', 'N/A', 'idk', 'IDK', '.', '-', 'na', '?', '...', 'x'];

/** Keyboard mashing ("asdfgh jkl"), random consonants, or one character held down ("aaaaaaa"). */
export function gibberish(rng: Rng): string {
	const style = rng.int(0, 2);
	if (style === 0) {
		const words = rng.int(1, 2);
		const parts: string[] = [];
		for (let w = 0; w < words; w++) {
			const row = rng.pick(KEY_ROWS);
			const len = rng.int(4, 7);
			const at = rng.int(0, row.length - len);
			parts.push(row.slice(at, at + len));
		}
		return parts.join(' ');
	}
	if (style === 1) {
		let s = '';
		const len = rng.int(6, 12);
		for (let k = 0; k < len; k++) s += CONSONANTS[rng.int(0, CONSONANTS.length - 1)];
		return s;
	}
	return rng.pick(['a', 'x', 'k', 'j', 'f', 'z', '1']).repeat(rng.int(5, 12));
}
