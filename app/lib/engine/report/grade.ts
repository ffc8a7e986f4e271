import type { Verdict } from '../scoring';
import type { Grade } from './types';

const LETTERS: [number, Grade['letter']][] = [
	[90, 'A'],
	[80, 'B'],
	[70, 'C'],
	[60, 'D']
];

/**
 * The overall grade (README "Data-quality grade"): index = 100 × (kept + ½ × review) / respondents,
 * one decimal; A ≥ 90, B ≥ 80, C ≥ 70, D ≥ 60, else F.
 */
export function gradeOf(verdicts: Record<Verdict, number>): Grade {
	const n = verdicts.keep + verdicts.review + verdicts.remove;
	const index = n ? Math.round((1000 * (verdicts.keep + verdicts.review / 2)) / n) / 10 : 100;
	return { index, letter: LETTERS.find(([min]) => index >= min)?.[1] ?? 'F' };
}
