import { oneIn, type Chance } from '../../stats/chance';
import { fmt } from '../finding';

/** What every duplicate finding is judged and worded by. */
export interface Judge {
	alpha: number;
	/** Respondents in the file. */
	n: number;
	dependence: number;
	hasStart: boolean;
}

/** How the reviewer is told which of two respondents came first; start times only when the file has both. */
export function relation(j: Judge, r: { row: number; start: number | null }, o: { row: number; start: number | null }): string {
	if (j.hasStart && Number.isFinite(r.start) && Number.isFinite(o.start) && r.start !== o.start)
		return r.start! > o.start! ? ', who started earlier' : ', who started later';
	return r.row > o.row ? ', who appears earlier in the file' : ', who appears later in the file';
}

export const chanceWords = (c: Chance) => `a match this close happens by chance for ${oneIn(c.chance)} respondents`;

export const chanceEvidence = (c: Chance, j: Judge) => ({
	chance: Number(c.chance.toPrecision(3)),
	expected: Number(c.expected.toPrecision(3)),
	dependence: Number(fmt(j.dependence, 3))
});
