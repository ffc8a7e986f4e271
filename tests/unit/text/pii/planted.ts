import { createRng, type Rng } from '../../../../app/lib/demo/rng';
import { luhn, mod97, weighted } from '../../../../app/lib/text/pii/checksums';
import type { PiiKind } from '../../../../app/lib/text/pii';

/** One test answer and the personal data planted in it (exact substrings). */
export interface PlantedText {
	text: string;
	truth: { kind: PiiKind; value: string }[];
}

const digits = (r: Rng, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('');
const fill = (r: Rng, pattern: string) => pattern.replace(/#/g, () => String(r.int(0, 9)));

function iban(r: Rng, country: string, bbanLength: number): string {
	const bban = digits(r, bbanLength);
	const check = String(98 - mod97(bban + country + '00')).padStart(2, '0');
	return (country + check + bban).replace(/(.{4})/g, '$1 ').trim();
}

function card(r: Rng, prefix: string, length: number): string {
	let d = prefix + digits(r, length - prefix.length - 1);
	for (let c = 0; c <= 9; c++) if (luhn(d + c)) return (d += c).replace(/(\d{4})(?=\d)/g, '$1 ');
	throw new Error('unreachable');
}

function nationalId(r: Rng, scheme: string): string {
	for (;;) {
		if (scheme === 'nl-bsn') {
			const d = String(r.int(1, 9)) + digits(r, 7);
			const c = weighted(d + '0', [9, 8, 7, 6, 5, 4, 3, 2, -1], 11);
			if (c < 10) return d + c;
		} else if (scheme === 'pl-pesel') {
			const d = `${r.int(50, 99)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}${digits(r, 4)}`;
			return d + ((10 - weighted(d, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3], 10)) % 10);
		} else if (scheme === 'es-dni') {
			const n = digits(r, 8);
			return n + 'TRWAGMYFPDXBNJZSQVHLCKE'[Number(n) % 23];
		} else if (scheme === 'tr-tckn') {
			const n = [r.int(1, 9), ...digits(r, 8)].map(Number);
			const d10 = ((((n[0] + n[2] + n[4] + n[6] + n[8]) * 7 - (n[1] + n[3] + n[5] + n[7])) % 10) + 10) % 10;
			const d11 = (n.reduce((a, b) => a + b, 0) + d10) % 10;
			return n.join('') + d10 + d11;
		} else if (scheme === 'fr-nir') {
			const d = `${r.int(1, 2)}${digits(r, 2)}${String(r.int(1, 12)).padStart(2, '0')}${digits(r, 8)}`;
			const key = String(97 - Number(BigInt(d) % 97n)).padStart(2, '0');
			return `${d[0]} ${d.slice(1, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)} ${d.slice(7, 10)} ${d.slice(10, 13)} ${key}`;
		} else return `${r.int(100, 665)}-${r.int(10, 99)}-${r.int(1000, 9999)}`;
	}
}

const PHONES = [
	'+49 30 ########',
	'030 ########',
	'0151 ########',
	'07911 ######',
	'+44 20 7946 ####',
	'06 ## ## ## ##',
	'+33 1 ## ## ## ##',
	'6## ### ###',
	'+34 91 ### ## ##',
	'+39 333 #######',
	'347 ### ####',
	'06-########',
	'+31 20 ### ####',
	'+48 6## ### ###',
	'601 ### ###',
	'0532 ### ## ##',
	'+90 212 ### ## ##',
	'(415) 5##-####',
	'+1 212 5##-####',
	'912 ### ###',
	'+351 21 ### ####'
];
const EMAIL_USERS = ['anna.kowalska', 'j.smith', 'mueller_h', 'cliente2024', 'pierre+survey', 'ayse.yilmaz'];
const DOMAINS = ['gmail.com', 'web.de', 'orange.fr', 'libero.it', 'wp.pl', 'hotmail.co.uk', 'sapo.pt', 'ziggo.nl'];
const URLS = ['https://www.example-shop.com/orders/123', 'www.mijnwinkel.nl', 'http://blog.example.org/p?id=7', 'shop.example.de/kontakt'];
const ADDRESSES = [
	'Hauptstraße 12',
	'Kerkstraat 7',
	'221 Baker Street',
	'12 rue Victor Hugo',
	'Via Roma 15',
	'Calle Mayor 5',
	'Rua Augusta 100',
	'ul. Marszałkowska 84',
	'Atatürk Caddesi No: 5',
	'SW1A 1AA',
	'10115 Berlin',
	'1012 AB Amsterdam'
];
// Names: gazetteer names bare, cue + any name, and names the gazetteer lacks without a cue (expected misses).
const NAME_SENTENCES: [string, string][] = [
	['{} from the hotline was very helpful', 'Maria Schneider'],
	['Please thank {} for me', 'Thomas Müller'],
	['My name is {} and I want a refund', 'Siobhan Ó Ceallaigh'],
	['Ich heiße {} und bin Stammkundin', 'Ingeborg Wendt'],
	["Je m'appelle {}, rappelez-moi", 'Camille Dupont'],
	['Me llamo {} y espero respuesta', 'Lucía Fernández'],
	['Mi chiamo {}, grazie', 'Giulia Bianchi'],
	['Meu nome é {} e moro em Lisboa', 'Inês Carvalho'],
	['Mijn naam is {}, bel me terug', 'Femke de Vries'],
	['Nazywam się {} i czekam na odpowiedź', 'Katarzyna Nowak'],
	['Benim adım {}, lütfen arayın', 'Zeynep Yılmaz'],
	['Frau {} an der Kasse war unfreundlich', 'Schröder'],
	['Ask for {} at the front desk', 'Kwame Mensah'],
	['The manager {} ignored me', 'J. Smith'],
	['{} at the desk was rude', 'Thandiwe'],
	['Yesterday {} helped me with the return', 'Sebastian'],
	['M. {} a été très aimable', 'Lefebvre'],
	['Sr. {} no contestó', 'Gutiérrez'],
	['Pani {} była bardzo miła', 'Agnieszka'],
	['{} bey çok yardımcı oldu', 'Mehmet Öztürk']
];

const CARRIERS = [
	'Contact: {}',
	'You can reach me at {} if needed.',
	'Meine Daten: {} bitte nicht weitergeben',
	'Voici mon {} pour le remboursement',
	'Mis datos son {} gracias',
	'I miei dati: {}.',
	'O meu contacto é {}',
	'Mijn gegevens: {}',
	'Moje dane: {}',
	'Bilgilerim: {}'
];

/** A seeded test set: `n` answers per kind, each in one of ten carrier sentences. */
export function plantedPii(seed: number, n: number): PlantedText[] {
	const r = createRng(seed);
	const out: PlantedText[] = [];
	const put = (kind: PiiKind, value: string, template = r.pick(CARRIERS)) =>
		out.push({ text: template.replace('{}', value), truth: [{ kind, value }] });
	for (let i = 0; i < n; i++) {
		put('email', `${r.pick(EMAIL_USERS)}${r.int(1, 99)}@${r.pick(DOMAINS)}`);
		put('phone', fill(r, PHONES[i % PHONES.length]));
		const [country, len] = r.pick([
			['DE', 18],
			['NL', 14],
			['FR', 23],
			['ES', 20],
			['IT', 23],
			['PL', 24],
			['PT', 21],
			['GB', 18],
			['TR', 22]
		] as const);
		put('iban', iban(r, country, len));
		put('card', card(r, r.pick(['4', '51', '55', '2221', '34', '37', '6011']), r.pick([16, 16, 16, 15])));
		put(
			'ip',
			r.chance(0.8) ? `${r.int(1, 223)}.${r.int(0, 255)}.${r.int(0, 255)}.${r.int(1, 254)}` : `2001:db8:${r.int(0, 9999)}::${r.int(1, 99)}`
		);
		put('url', r.pick(URLS));
		put('id', nationalId(r, r.pick(['nl-bsn', 'pl-pesel', 'es-dni', 'tr-tckn', 'fr-nir', 'us-ssn'])));
		put('address', r.pick(ADDRESSES));
		const [template, name] = NAME_SENTENCES[i % NAME_SENTENCES.length];
		put('name', name, template);
	}
	return out;
}

/** Near misses that must not be flagged: wrong checksums and digit runs that are no personal data. */
export function nearMisses(seed: number, n: number): string[] {
	const r = createRng(seed);
	const out: string[] = [];
	for (let i = 0; i < n; i++) {
		const good = iban(r, 'DE', 18).replace(/ /g, '');
		const bad = good.slice(0, 10) + ((Number(good[10]) + 1) % 10) + good.slice(11);
		out.push(`IBAN ${bad} is wrong`);
		const c = card(r, '4', 16).replace(/ /g, '');
		out.push(`order ${c.slice(0, 15)}${(Number(c[15]) + 1) % 10} was late`);
		out.push(`I waited ${r.int(2, 59)} minutes and paid ${r.int(10, 999)}.${r.int(10, 99)} EUR on ${r.int(1, 28)}.${r.int(1, 12)}.2024`);
		out.push(`Version ${r.int(1, 9)}.${r.int(0, 20)}.${r.int(0, 99)} of the app crashed ${r.int(2, 9)} times`);
	}
	return out;
}
