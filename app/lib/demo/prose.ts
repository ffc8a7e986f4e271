import type { Rng } from './rng';

/**
 * Open ends as real panels write them: one to four sentences, 5–60 words, mostly unique, in the
 * respondent's language or (one in eight) another one. Benchmarks need this: a few repeated
 * phrases let text checks cache their way out of the work real surveys make them do.
 */
interface Prose {
	things: string[];
	good: string[];
	bad: string[];
	/** {t} a thing, {a} an adjective, {n} a number, {d} a day. */
	praise: string[];
	complain: string[];
	aside: string[];
	days: string[];
}

const PROSE: Record<string, Prose> = {
	en: {
		things: [
			'delivery',
			'customer service',
			'price',
			'app',
			'website',
			'packaging',
			'return process',
			'product range',
			'hotline',
			'checkout'
		],
		good: ['quick', 'friendly', 'reliable', 'simple', 'fair', 'excellent'],
		bad: ['slow', 'confusing', 'expensive', 'unreliable', 'rude', 'broken'],
		praise: [
			'The {t} was {a} when I ordered on {d}.',
			'I found the {t} really {a}, {n} orders so far without a problem.',
			'Honestly the {t} is {a} and I would tell my friends.'
		],
		complain: [
			'The {t} was {a}, I waited {n} days after ordering on {d}.',
			'Why is the {t} so {a}? I tried {n} times.',
			'Please fix the {t}, it is {a} and it annoys me.'
		],
		aside: ['My sister uses it too.', 'Otherwise fine.', 'I shop there about {n} times a year.', 'Nothing else to add.'],
		days: ['Monday', 'Tuesday', 'Friday', 'Saturday', 'a Sunday', 'Black Friday']
	},
	de: {
		things: ['Lieferung', 'Kundenservice', 'Preisgestaltung', 'App', 'Website', 'Verpackung', 'Rückgabe', 'Auswahl', 'Hotline', 'Kasse'],
		good: ['schnell', 'freundlich', 'zuverlässig', 'einfach', 'fair', 'hervorragend'],
		bad: ['langsam', 'verwirrend', 'teuer', 'unzuverlässig', 'unhöflich', 'kaputt'],
		praise: [
			'Die {t} war {a}, als ich am {d} bestellt habe.',
			'Ich finde die {t} wirklich {a}, schon {n} Bestellungen ohne Probleme.',
			'Ehrlich gesagt ist die {t} {a} und ich empfehle es weiter.'
		],
		complain: [
			'Die {t} war {a}, ich habe nach der Bestellung am {d} {n} Tage gewartet.',
			'Warum ist die {t} so {a}? Ich habe es {n} Mal versucht.',
			'Bitte die {t} verbessern, sie ist {a} und nervt.'
		],
		aside: ['Meine Schwester kauft dort auch.', 'Sonst alles gut.', 'Ich kaufe dort etwa {n} Mal im Jahr.', 'Mehr fällt mir nicht ein.'],
		days: ['Montag', 'Dienstag', 'Freitag', 'Samstag', 'Sonntag', 'Black Friday']
	},
	fr: {
		things: [
			'livraison',
			'service client',
			'politique de prix',
			'application',
			'site web',
			'emballage',
			'procédure de retour',
			'gamme',
			'hotline',
			'caisse'
		],
		good: ['rapide', 'aimable', 'fiable', 'simple', 'correcte', 'excellente'],
		bad: ['lente', 'confuse', 'chère', 'peu fiable', 'désagréable', 'cassée'],
		praise: [
			"La {t} était {a} quand j'ai commandé {d}.",
			'Je trouve la {t} vraiment {a}, déjà {n} commandes sans souci.',
			'Franchement la {t} est {a} et je la recommande.'
		],
		complain: [
			"La {t} était {a}, j'ai attendu {n} jours après ma commande de {d}.",
			"Pourquoi la {t} est-elle si {a} ? J'ai essayé {n} fois.",
			"Améliorez la {t}, elle est {a} et c'est pénible."
		],
		aside: ['Ma sœur achète aussi chez eux.', 'Sinon tout va bien.', "J'achète environ {n} fois par an.", 'Rien à ajouter.'],
		days: ['lundi', 'mardi', 'vendredi', 'samedi', 'dimanche', 'le Black Friday']
	},
	es: {
		things: [
			'entrega',
			'atención al cliente',
			'política de precios',
			'aplicación',
			'web',
			'embalaje',
			'devolución',
			'variedad',
			'línea de ayuda',
			'caja'
		],
		good: ['rápida', 'amable', 'fiable', 'sencilla', 'justa', 'excelente'],
		bad: ['lenta', 'confusa', 'cara', 'poco fiable', 'grosera', 'rota'],
		praise: [
			'La {t} fue {a} cuando pedí el {d}.',
			'La {t} me parece muy {a}, ya van {n} pedidos sin problemas.',
			'La verdad es que la {t} es {a} y la recomiendo.'
		],
		complain: [
			'La {t} fue {a}, esperé {n} días después del pedido del {d}.',
			'¿Por qué la {t} es tan {a}? Lo intenté {n} veces.',
			'Mejoren la {t}, es {a} y molesta.'
		],
		aside: ['Mi hermana también compra allí.', 'Por lo demás bien.', 'Compro allí unas {n} veces al año.', 'Nada más que añadir.'],
		days: ['lunes', 'martes', 'viernes', 'sábado', 'domingo', 'Black Friday']
	},
	it: {
		things: [
			'consegna',
			'assistenza clienti',
			'politica dei prezzi',
			'app',
			'sito',
			'confezione',
			'procedura di reso',
			'scelta',
			'linea di assistenza',
			'cassa'
		],
		good: ['veloce', 'gentile', 'affidabile', 'semplice', 'onesta', 'ottima'],
		bad: ['lenta', 'confusa', 'cara', 'inaffidabile', 'scortese', 'rotta'],
		praise: [
			'La {t} è stata {a} quando ho ordinato {d}.',
			'Trovo la {t} davvero {a}, già {n} ordini senza problemi.',
			'Sinceramente la {t} è {a} e la consiglio.'
		],
		complain: [
			"La {t} è stata {a}, ho aspettato {n} giorni dopo l'ordine di {d}.",
			'Perché la {t} è così {a}? Ho provato {n} volte.',
			'Migliorate la {t}, è {a} e dà fastidio.'
		],
		aside: ['Anche mia sorella compra lì.', 'Per il resto tutto bene.', 'Compro lì circa {n} volte all’anno.', 'Niente da aggiungere.'],
		days: ['lunedì', 'martedì', 'venerdì', 'sabato', 'domenica', 'il Black Friday']
	},
	pt: {
		things: [
			'entrega',
			'atendimento',
			'política de preços',
			'aplicação',
			'site',
			'embalagem',
			'devolução',
			'variedade',
			'linha de apoio',
			'caixa'
		],
		good: ['rápida', 'simpática', 'fiável', 'simples', 'justa', 'excelente'],
		bad: ['lenta', 'confusa', 'cara', 'pouco fiável', 'mal-educada', 'avariada'],
		praise: [
			'A {t} foi {a} quando encomendei na {d}.',
			'Acho a {t} mesmo {a}, já são {n} encomendas sem problemas.',
			'Sinceramente a {t} é {a} e recomendo.'
		],
		complain: [
			'A {t} foi {a}, esperei {n} dias depois da encomenda de {d}.',
			'Porque é que a {t} é tão {a}? Tentei {n} vezes.',
			'Melhorem a {t}, é {a} e irrita.'
		],
		aside: ['A minha irmã também compra lá.', 'De resto tudo bem.', 'Compro lá umas {n} vezes por ano.', 'Nada a acrescentar.'],
		days: ['segunda-feira', 'terça-feira', 'sexta-feira', 'sábado', 'domingo', 'Black Friday']
	},
	nl: {
		things: ['bezorging', 'klantenservice', 'prijs', 'app', 'website', 'verpakking', 'retourprocedure', 'keuze', 'helpdesk', 'kassa'],
		good: ['snel', 'vriendelijk', 'betrouwbaar', 'eenvoudig', 'eerlijk', 'uitstekend'],
		bad: ['traag', 'verwarrend', 'duur', 'onbetrouwbaar', 'onbeleefd', 'kapot'],
		praise: [
			'De {t} was {a} toen ik op {d} bestelde.',
			'Ik vind de {t} echt {a}, al {n} bestellingen zonder problemen.',
			'Eerlijk gezegd is de {t} {a} en ik raad het aan.'
		],
		complain: [
			'De {t} was {a}, ik heb {n} dagen gewacht na mijn bestelling op {d}.',
			'Waarom is de {t} zo {a}? Ik heb het {n} keer geprobeerd.',
			'Verbeter de {t}, die is {a} en irritant.'
		],
		aside: ['Mijn zus koopt daar ook.', 'Verder prima.', 'Ik koop daar ongeveer {n} keer per jaar.', 'Verder niets.'],
		days: ['maandag', 'dinsdag', 'vrijdag', 'zaterdag', 'zondag', 'Black Friday']
	},
	pl: {
		things: [
			'dostawa',
			'obsługa klienta',
			'polityka cenowa',
			'aplikacja',
			'strona',
			'paczka',
			'procedura zwrotu',
			'oferta',
			'infolinia',
			'kasa'
		],
		good: ['szybka', 'miła', 'niezawodna', 'prosta', 'uczciwa', 'świetna'],
		bad: ['wolna', 'myląca', 'droga', 'zawodna', 'niegrzeczna', 'zepsuta'],
		praise: [
			'{T} była {a}, kiedy zamówiłem w {d}.',
			'{T} jest naprawdę {a}, już {n} zamówień bez problemu.',
			'Szczerze mówiąc {t} jest {a} i polecam.'
		],
		complain: [
			'{T} była {a}, czekałem {n} dni po zamówieniu w {d}.',
			'Dlaczego {t} jest taka {a}? Próbowałem {n} razy.',
			'Poprawcie {t}, jest {a} i denerwuje.'
		],
		aside: ['Moja siostra też tam kupuje.', 'Poza tym w porządku.', 'Kupuję tam około {n} razy w roku.', 'Nic więcej.'],
		days: ['poniedziałek', 'wtorek', 'piątek', 'sobotę', 'niedzielę', 'Black Friday']
	},
	tr: {
		things: [
			'teslimat',
			'müşteri hizmetleri',
			'fiyat politikası',
			'uygulama',
			'web sitesi',
			'paketleme',
			'iade süreci',
			'ürün çeşidi',
			'çağrı merkezi',
			'ödeme'
		],
		good: ['hızlı', 'nazik', 'güvenilir', 'basit', 'adil', 'mükemmel'],
		bad: ['yavaş', 'kafa karıştırıcı', 'pahalı', 'güvenilmez', 'kaba', 'bozuk'],
		praise: [
			'{d} günü sipariş verdiğimde {t} {a} idi.',
			'{t} gerçekten {a}, şimdiye kadar {n} sipariş sorunsuz.',
			'Açıkçası {t} {a} ve tavsiye ederim.'
		],
		complain: [
			'{t} {a} idi, {d} verdiğim siparişten sonra {n} gün bekledim.',
			'{t} neden bu kadar {a}? {n} kez denedim.',
			'Lütfen {t} düzeltin, {a} ve sinir bozucu.'
		],
		aside: ['Kız kardeşim de oradan alıyor.', 'Onun dışında iyi.', 'Yılda yaklaşık {n} kez alışveriş yapıyorum.', 'Ekleyecek bir şey yok.'],
		days: ['pazartesi', 'salı', 'cuma', 'cumartesi', 'pazar', 'Black Friday']
	}
};

const OTHER = ['it', 'pt', 'nl', 'pl', 'tr'];

function fill(template: string, p: Prose, r: Rng, adjectives: string[]): string {
	const thing = r.pick(p.things);
	return template
		.replace('{T}', thing[0].toUpperCase() + thing.slice(1))
		.replace('{t}', thing)
		.replace('{a}', r.pick(adjectives))
		.replace('{n}', String(r.int(2, 40)))
		.replace('{d}', r.pick(p.days));
}

/** An answer whose tone follows `sentiment` (a latent satisfaction, about standard normal). */
export function proseAnswer(r: Rng, language: string, sentiment: number): string {
	return proseIn(r, r.chance(0.125) ? r.pick(OTHER) : language, sentiment);
}

/** An answer in exactly `language` (one of the nine), for tests that need each answer's true language. */
export function proseIn(r: Rng, language: string, sentiment: number): string {
	const p = PROSE[language] ?? PROSE.en;
	const sentences: string[] = [];
	const count = r.weighted([35, 35, 20, 10]) + 1;
	for (let k = 0; k < count; k++) {
		const positive = sentiment + 0.8 * r.normal() > 0;
		if (k > 0 && r.chance(0.3)) sentences.push(fill(r.pick(p.aside), p, r, p.good));
		else if (positive) sentences.push(fill(r.pick(p.praise), p, r, p.good));
		else sentences.push(fill(r.pick(p.complain), p, r, p.bad));
	}
	return sentences.join(' ');
}
