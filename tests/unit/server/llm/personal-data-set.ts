import type { PiiKind } from '../../../../app/lib/text/pii';

/**
 * Prompts as the AI features write them (flag explanations, open-end examples, audit notes) with
 * personal data planted in nine languages. Each value is an exact substring of its text.
 */
export const PROMPT_SET: { text: string; planted: [PiiKind, string][] }[] = [
	{
		text: 'Respondent R-1042 wrote in q12: "please mail the voucher to anna.kowalska77@wp.pl or call +48 601 234 567"',
		planted: [
			['email', 'anna.kowalska77@wp.pl'],
			['phone', '+48 601 234 567']
		]
	},
	{
		text: 'Offene Antwort: "Mein Name ist Ingeborg Wendt, IBAN DE89 3704 0044 0532 0130 00, Hauptstraße 12, 10115 Berlin"',
		planted: [
			['name', 'Ingeborg Wendt'],
			['iban', 'DE89 3704 0044 0532 0130 00'],
			['address', 'Hauptstraße 12']
		]
	},
	{
		text: "Réponse : « Je m'appelle Camille Dupont, appelez-moi au 06 12 34 56 78, 12 rue Victor Hugo »",
		planted: [
			['name', 'Camille Dupont'],
			['phone', '06 12 34 56 78'],
			['address', '12 rue Victor Hugo']
		]
	},
	{
		text: 'Respuesta: "Me llamo Lucía Fernández, mi tarjeta 4111 1111 1111 1111 fue cobrada dos veces, Calle Mayor 5"',
		planted: [
			['name', 'Lucía Fernández'],
			['card', '4111 1111 1111 1111'],
			['address', 'Calle Mayor 5']
		]
	},
	{
		text: 'Risposta: "Mi chiamo Giulia Bianchi, scrivetemi a giulia.b@libero.it, abito in Via Roma 15"',
		planted: [
			['name', 'Giulia Bianchi'],
			['email', 'giulia.b@libero.it'],
			['address', 'Via Roma 15']
		]
	},
	{
		text: 'Resposta: "Meu nome é Inês Carvalho, IBAN PT50 0002 0123 1234 5678 9015 4, Rua Augusta 100"',
		planted: [
			['name', 'Inês Carvalho'],
			['iban', 'PT50 0002 0123 1234 5678 9015 4'],
			['address', 'Rua Augusta 100']
		]
	},
	{
		text: 'Antwoord: "Mijn naam is Femke de Vries, bel 06-12345678, Kerkstraat 7, 1012 AB Amsterdam, BSN 111222333"',
		planted: [
			['name', 'Femke de Vries'],
			['phone', '06-12345678'],
			['address', 'Kerkstraat 7'],
			['id', '111222333']
		]
	},
	{
		text: 'Odpowiedź: "Nazywam się Katarzyna Nowak, ul. Marszałkowska 84, karta 5555 5555 5555 4444"',
		planted: [
			['name', 'Katarzyna Nowak'],
			['address', 'ul. Marszałkowska 84'],
			['card', '5555 5555 5555 4444']
		]
	},
	{
		text: 'Cevap: "Benim adım Zeynep Yılmaz, telefonum 0532 123 45 67, Atatürk Caddesi No: 5"',
		planted: [
			['name', 'Zeynep Yılmaz'],
			['phone', '0532 123 45 67'],
			['address', 'Atatürk Caddesi No: 5']
		]
	},
	{
		text: 'Audit note: reviewer flagged R-77 after Maria Schneider from the hotline (maria.schneider@web.de, 030 12345678) logged in from 192.168.10.24 via https://intranet.example-shop.com/tickets/991',
		planted: [
			['name', 'Maria Schneider'],
			['email', 'maria.schneider@web.de'],
			['phone', '030 12345678'],
			['ip', '192.168.10.24'],
			['url', 'https://intranet.example-shop.com/tickets/991']
		]
	},
	{
		text: 'Answer: "I am Mr. Kwame Mensah, 221 Baker Street, London SW1A 1AA, card 3782 822463 10005, SSN 123-45-6789"',
		planted: [
			['name', 'Kwame Mensah'],
			['address', '221 Baker Street'],
			['card', '3782 822463 10005'],
			['id', '123-45-6789']
		]
	}
];
