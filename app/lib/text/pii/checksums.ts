/** Luhn (ISO/IEC 7812) over a digit string: cards, Swedish personnummer, Canadian SIN. */
export function luhn(digits: string): boolean {
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = digits.charCodeAt(digits.length - 1 - i) - 48;
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

/** ISO 7064 mod 97-10 of an alphanumeric string (letters A=10 … Z=35), as IBANs use it. */
export function mod97(s: string): number {
	let r = 0;
	for (const ch of s) {
		const c = ch.charCodeAt(0);
		const v = c >= 65 ? c - 55 : c - 48;
		r = v > 9 ? (r * 100 + v) % 97 : (r * 10 + v) % 97;
	}
	return r;
}

/** Weighted digit sum mod `m`: the scheme behind most national-id check digits. */
export function weighted(digits: string, weights: readonly number[], m: number): number {
	let s = 0;
	for (const [i, w] of weights.entries()) s += (digits.charCodeAt(i) - 48) * w;
	return ((s % m) + m) % m;
}

export const digitsOf = (s: string): string => s.replace(/\D/g, '');
