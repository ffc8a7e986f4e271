import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { leadingZeroBits } from '../protocol/rooms';

export interface ProofOfWork {
	/** A signed challenge valid for `ttlMs`. */
	challenge(): { challenge: string; bits: number };
	/** True once per solved, unexpired challenge of this relay. */
	redeem(challenge: string, solution: string): boolean;
}

/**
 * Stateless, HMAC-signed room-creation challenges: `exp "." random "." mac`. A solution is a
 * string whose SHA-256 of `challenge ":" solution` starts with `bits` zero bits; each challenge
 * is redeemed once.
 *
 * @example
 * const pow = createProofOfWork({ secret, bits: 18, ttlMs: 120_000 });
 * pow.redeem(body.challenge, body.solution);
 */
export function createProofOfWork({
	secret,
	bits,
	ttlMs,
	now = Date.now
}: {
	secret: string;
	bits: number;
	ttlMs: number;
	now?: () => number;
}): ProofOfWork {
	const redeemed = new Map<string, number>();
	const mac = (text: string) => createHmac('sha256', `pow:${secret}`).update(text).digest('base64url');

	return {
		challenge() {
			const body = `${now() + ttlMs}.${randomBytes(12).toString('base64url')}`;
			return { challenge: `${body}.${mac(body)}`, bits };
		},
		redeem(challenge, solution) {
			const t = now();
			for (const [c, exp] of redeemed) if (exp <= t) redeemed.delete(c);
			const parts = challenge.split('.');
			if (parts.length !== 3 || solution.length > 64) return false;
			const [exp, nonce, signature] = parts as [string, string, string];
			const expected = Buffer.from(mac(`${exp}.${nonce}`));
			const given = Buffer.from(signature);
			if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
			if (!(Number(exp) > t) || redeemed.has(challenge)) return false;
			if (leadingZeroBits(createHash('sha256').update(`${challenge}:${solution}`).digest()) < bits) return false;
			redeemed.set(challenge, Number(exp));
			return true;
		}
	};
}
