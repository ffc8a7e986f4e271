import { describe, expect, it } from 'vitest';
import {
	builtinVersion,
	editPrompt,
	getPrompt,
	renderBody,
	resolveVariant,
	rollbackPrompt,
	type PromptVersionRecord
} from '../../../app/lib/prompts';

const who = (n: number, by = 'owner') => ({ id: `v-${n}`, by, at: `2026-12-08T10:0${n}:00.000Z` });
const en = (user: string) => ({ en: { system: 'You help survey researchers.', user } });

describe('prompt history', () => {
	it('starts at the built-in version 1 and numbers edits in order of creation', () => {
		const records: PromptVersionRecord[] = [];
		let prompt = getPrompt('explain-flags', records);
		expect(prompt.versions.map((v) => v.number)).toEqual([1]);
		expect(prompt.current.id).toBe('builtin:explain-flags');
		records.push(editPrompt(prompt, { variants: en('Why was {{respondent}} flagged? {{flags}}'), note: 'shorter' }, who(1)));
		prompt = getPrompt('explain-flags', records);
		records.push(editPrompt(prompt, { variants: en('Explain: {{flags}}'), note: 'shorter still' }, who(2)));
		prompt = getPrompt('explain-flags', records);
		expect(prompt.versions.map((v) => [v.number, v.note, v.parent])).toEqual([
			[1, 'built-in', null],
			[2, 'shorter', 'builtin:explain-flags'],
			[3, 'shorter still', 'v-1']
		]);
		expect(prompt.current.variants.en.user).toBe('Explain: {{flags}}');
	});

	it('never overwrites the built-in: it is rebuilt from the app, whatever is stored', () => {
		const forged = { ...builtinVersion('explain-flags'), variants: en('tampered') };
		const prompt = getPrompt('explain-flags', [forged]);
		expect(prompt.versions).toHaveLength(1);
		expect(prompt.current.variants.en.user).toContain('Respondent {{respondent}} was flagged');
	});

	it('rolls back by adding a version with the old text, keeping everything between', () => {
		const records: PromptVersionRecord[] = [];
		records.push(editPrompt(getPrompt('summarise-report', records), { variants: en('{{dataset}}: {{flagged}}'), note: 'terse' }, who(1)));
		records.push(rollbackPrompt(getPrompt('summarise-report', records), 1, who(2)));
		const prompt = getPrompt('summarise-report', records);
		expect(prompt.versions.map((v) => v.number)).toEqual([1, 2, 3]);
		expect(prompt.current).toMatchObject({
			number: 3,
			rollbackOf: 'builtin:summarise-report',
			note: 'rollback to version 1',
			parent: 'v-1'
		});
		expect(prompt.current.variants).toEqual(builtinVersion('summarise-report').variants);
		expect(() => rollbackPrompt(prompt, 7, who(3))).toThrow('summarise-report: there is no version 7 (versions 1–3)');
	});

	it('refuses edits with unknown variables, an empty message or no default-language variant', () => {
		const prompt = getPrompt('explain-flags', []);
		expect(() => editPrompt(prompt, { variants: en('Hi {{email}}'), note: '' }, who(1))).toThrow(
			'explain-flags (en): unknown variable {{email}}; known: respondent, flags, language'
		);
		expect(() => editPrompt(prompt, { variants: en('  '), note: '' }, who(1))).toThrow('explain-flags (en): the user message is empty');
		expect(() => editPrompt(prompt, { variants: { de: { system: '', user: '{{flags}}' } }, note: '' }, who(1))).toThrow(
			'explain-flags: no variant in the default language en'
		);
	});

	it('falls back from a regional tag to its language, then to the default language', () => {
		const record = {
			...builtinVersion('explain-flags'),
			variants: { ...builtinVersion('explain-flags').variants, 'pt-BR': { system: 's', user: 'u' } }
		};
		expect(resolveVariant(record, 'de-AT').lang).toBe('de');
		expect(resolveVariant(record, 'DE').lang).toBe('de');
		expect(resolveVariant(record, 'pt').lang).toBe('pt-BR');
		expect(resolveVariant(record, 'pt-PT').lang).toBe('pt-BR');
		expect(resolveVariant(record, 'pl').lang).toBe('en');
	});

	it('renders variables and names the one that is missing', () => {
		const body = resolveVariant(builtinVersion('explain-flags'), 'en').body;
		const vars = { respondent: 'R-7', flags: '- speeder', language: 'English' };
		expect(renderBody(body, vars, 'explain-flags v1').user).toBe(
			'Respondent R-7 was flagged by these checks:\n- speeder\n\nAnswer in English.'
		);
		expect(() => renderBody(body, { ...vars, flags: undefined } as never, 'explain-flags v1 (en)')).toThrow(
			'explain-flags v1 (en): variable {{flags}} has no value'
		);
	});
});
