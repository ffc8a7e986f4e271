import { normaliseAnswer } from './non-answers';

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

const words = (s: string) => new Set(s.split(' '));
const SETS = Object.fromEntries(
	(Object.keys(LEX) as Lang[]).map((l) => [
		l,
		{ pos: words(LEX[l].pos), neg: words(LEX[l].neg), not: words(LEX[l].not), more: words(LEX[l].more), stop: words(LEX[l].stop) }
	])
) as Record<Lang, Record<'pos' | 'neg' | 'not' | 'more' | 'stop', Set<string>>>;

export interface Sentiment {
	/** −1 (negative) … +1 (positive); 0 when no opinion words were found. */
	score: number;
	lang: Lang | null;
	hits: number;
}

/** Lexicon sentiment with negation ("not good") and intensifiers ("very bad"). */
export function sentimentOf(text: string): Sentiment {
	const toks = normaliseAnswer(text.replace(/[’']/g, "'")).split(' ').filter(Boolean);
	const lang = detectLang(toks);
	const langs: Lang[] = lang ? [lang] : ['en', 'de', 'fr', 'es'];
	let sum = 0;
	let hits = 0;
	for (let i = 0; i < toks.length; i++) {
		const t = toks[i];
		for (const l of langs) {
			const s = SETS[l];
			let v = s.pos.has(t) ? 1 : s.neg.has(t) ? -1 : 0;
			if (!v) continue;
			const window = toks.slice(Math.max(0, i - 3), i);
			if (window.some((w) => s.not.has(w)) || (l === 'de' && toks.slice(i + 1, i + 3).some((w) => s.not.has(w)))) v = -v * 0.8;
			if (i > 0 && s.more.has(toks[i - 1])) v *= 1.5;
			sum += v;
			hits++;
			break;
		}
	}
	const score = hits ? Math.max(-1, Math.min(1, sum / Math.sqrt(hits + 1))) : 0;
	return { score: Math.round(score * 1000) / 1000, lang, hits };
}

export function detectLang(toks: string[]): Lang | null {
	let best: Lang | null = null;
	let bestN = 0;
	for (const l of Object.keys(SETS) as Lang[]) {
		let n = 0;
		for (const t of toks) if (SETS[l].stop.has(t)) n++;
		if (n > bestN) {
			best = l;
			bestN = n;
		}
	}
	return best;
}
