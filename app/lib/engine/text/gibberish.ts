import { CORPUS } from './corpus';

const BIGRAMS: Set<string> = (() => {
	const s = new Set<string>();
	for (const w of CORPUS.toLowerCase().split(/[^\p{L}]+/u)) {
		if (!w) continue;
		const t = `_${w}_`;
		for (let i = 0; i + 1 < t.length; i++) s.add(t.slice(i, i + 2));
	}
	return s;
})();

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'yxcvbnm', 'azertyuiop', 'qsdfghjklm', 'wxcvbn', '1234567890'];
const KEY_POS = new Map<string, [number, number][]>();
ROWS.forEach((row, r) => [...row].forEach((ch, c) => KEY_POS.set(ch, [...(KEY_POS.get(ch) ?? []), [r, c]])));

const VOWELS = /[aeiouyàáâäãåæèéêëìíîïòóôöõøùúûüýÿœ]/;

export interface Gibberish {
	/** 0..1; ≥ 0.7 reads as gibberish. */
	score: number;
	reason: string | null;
}

/** Character-level plausibility of one answer: rare letter pairs, keyboard runs, repeats, vowels. */
export function gibberishScore(text: string): Gibberish {
	const lower = text.toLowerCase();
	const compact = lower.replace(/\s+/g, '');
	if (compact.length >= 4 && [...compact].every((ch) => ch === compact[0]))
		return { score: 1, reason: `one character repeated ${compact.length} times` };
	const letters = lower.replace(/[^\p{L}]/gu, '');
	if (letters.length < 3) return { score: 0, reason: null };
	if (!/[a-zà-ÿœ]/.test(letters)) return { score: 0, reason: null };

	const unit = repeatedUnit(letters);
	if (unit) return { score: 1, reason: `the same "${unit}" repeated` };
	const rep = longestRepeat(letters);
	if (rep >= 4 && rep >= letters.length * 0.5) return { score: 1, reason: `one letter repeated ${rep} times` };
	const kb = keyboardRun(lower);
	if (kb.length >= 5 || (kb.length >= 4 && kb.length >= letters.length * 0.6)) return { score: 1, reason: `keyboard run "${kb}"` };
	const words = lower.split(/[^\p{L}]+/u).filter((w) => w.length >= 3);
	if (words.length > 1) {
		const runs = words.map(keyboardRun);
		const covered = runs.reduce((s, r) => s + (r.length >= 4 ? r.length : 0), 0);
		if (covered >= letters.length * 0.6) return { score: 1, reason: `keyboard runs "${runs.filter((r) => r.length >= 4).join('", "')}"` };
	}

	let pairs = 0;
	let rare = 0;
	for (const w of lower.split(/[^\p{L}]+/u)) {
		if (!w) continue;
		const t = `_${w}_`;
		for (let i = 0; i + 1 < t.length; i++) {
			pairs++;
			if (!BIGRAMS.has(t.slice(i, i + 2))) rare++;
		}
	}
	const rareShare = pairs ? rare / pairs : 0;
	let vowels = 0;
	for (const ch of letters) if (VOWELS.test(ch)) vowels++;
	const vr = vowels / letters.length;
	let score = letters.length >= 4 ? Math.min(1, Math.max(0, (rareShare - 0.12) / 0.25)) : 0;
	let reason = score >= 0.7 ? `${Math.round(rareShare * 100)} % implausible letter pairs` : null;
	if (letters.length >= 5 && (vr < 0.12 || vr > 0.9) && score < 0.8) {
		score = Math.max(score, 0.8);
		reason = `${Math.round(vr * 100)} % vowels`;
	}
	return { score, reason };
}

function repeatedUnit(s: string): string | null {
	if (s.length < 6) return null;
	for (let len = 1; len <= 4; len++) {
		if (s.length < len * 3) break;
		const u = s.slice(0, len);
		let ok = true;
		for (let i = len; i < s.length; i++)
			if (s[i] !== u[i % len]) {
				ok = false;
				break;
			}
		if (ok) return u;
	}
	return null;
}

function longestRepeat(s: string): number {
	let best = 0;
	let run = 0;
	for (let i = 0; i < s.length; i++) {
		run = i > 0 && s[i] === s[i - 1] ? run + 1 : 1;
		if (run > best) best = run;
	}
	return best;
}

/** Longest run of keys next to each other on one keyboard row, in one direction. */
export function keyboardRun(s: string): string {
	let best = '';
	for (let i = 0; i < s.length; i++) {
		for (const dir of [1, -1]) {
			let j = i;
			const rowCols = KEY_POS.get(s[i]);
			if (!rowCols) break;
			let cand = rowCols;
			while (j + 1 < s.length) {
				const next = KEY_POS.get(s[j + 1]);
				if (!next) break;
				const matched = next.filter(([r, c]) => cand.some(([r0, c0]) => r0 === r && c - c0 === dir));
				if (!matched.length) break;
				cand = matched;
				j++;
			}
			if (j - i + 1 > best.length) best = s.slice(i, j + 1);
		}
	}
	return best;
}
