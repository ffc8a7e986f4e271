import { describe, expect, it } from 'vitest';
import pii from '../../../../app/lib/engine/checks/pii';
import { applyRecipe } from '../../../../app/lib/engine/recipe';
import { createRng } from '../../../../app/lib/demo/rng';
import { proseIn } from '../../../../app/lib/demo/prose';
import { plantedPii } from '../../text/pii/planted';
import { dictionaryOf, flagged, runOne, useTable, variable } from './helpers';

const dict = dictionaryOf([variable('rid'), variable('oe', 'string'), variable('oe2', 'string')]);
const planted = plantedPii(5, 4);
const r = createRng(9);
// Respondents 1..36 carry planted personal data in `oe`; 37..236 write clean prose; 237 repeats respondent 1's answer.
const answers = [
	...planted.map((p) => p.text),
	...Array.from({ length: 200 }, (_, i) => proseIn(r, ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'tr'][i % 9], 0)),
	planted[0].text
];
const PLANTED_ROWS = [...planted.map((_, i) => i + 1), answers.length];

describe('pii check', () => {
	const s = useTable(
		dict,
		answers.map((t, i) => [i + 1, t, i === 40 ? 'write to kim@example.org' : null])
	);

	it('flags exactly the answers with planted personal data, per open end, and counts kinds per variable', async () => {
		const f = await runOne(s.db, dict, pii, { openEnds: ['oe', 'oe2'] });
		expect(flagged(f, (x) => x.variable === 'oe')).toEqual(PLANTED_ROWS);
		expect(flagged(f, (x) => x.variable === 'oe2')).toEqual([41]);
		const counts = f.find((x) => x.level === 'variable' && x.variable === 'oe')!.evidence.counts as Record<string, number>;
		expect(counts).toEqual({ email: 5, phone: 4, iban: 4, card: 4, ip: 4, url: 4, id: 4, address: 4, name: 4 });
	});

	it('names the kind and never echoes a value in full', async () => {
		const f = await runOne(s.db, dict, pii, { openEnds: ['oe', 'oe2'] });
		const text = JSON.stringify(f);
		for (const p of planted) for (const t of p.truth) expect(text).not.toContain(t.value);
		expect(f.find((x) => x.respondent === 41)!.message).toBe('oe2: personal data (e-mail): k***@e***.org');
	});

	it('looks only for the configured kinds', async () => {
		const f = await runOne(s.db, dict, pii, { openEnds: ['oe'], checks: { pii: { kinds: ['iban', 'card'] } } });
		expect(new Set(f.filter((x) => x.row).flatMap((x) => x.evidence.kinds as string[]))).toEqual(new Set(['iban', 'card']));
	});

	it("export's mask-pii recipe step puts typed placeholders in the cleaned data", async () => {
		const { table } = await applyRecipe(s.db, dict, { version: 1, steps: [{ action: 'mask-pii', variable: 'oe' }] }, { idVariable: 'rid' });
		const t = await s.db.query(`SELECT oe FROM ${table} ORDER BY rid`);
		const out = t.toArray().map((x) => String(x.oe));
		expect(out[0]).toMatch(/\[EMAIL\]/);
		for (const p of planted) for (const v of p.truth) expect(out.join('\n')).not.toContain(v.value);
		expect(out.slice(36, 236)).toEqual(answers.slice(36, 236));
	});

	it('mask-pii skips a variable that is not text', async () => {
		const { report } = await applyRecipe(
			s.db,
			dict,
			{ version: 1, steps: [{ action: 'mask-pii', variable: 'rid' }] },
			{ idVariable: 'rid' }
		);
		expect(report.skipped.map((s) => s.step)).toEqual([0]);
	});
});
