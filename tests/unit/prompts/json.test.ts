import { describe, expect, it } from 'vitest';
import { editPrompt, exportPrompts, getPrompt, importPrompts } from '../../../app/lib/prompts';

const edit = (id: string) =>
	editPrompt(
		getPrompt('explain-flags', []),
		{ variants: { en: { system: '', user: `{{flags}} (${id})` } }, note: id },
		{ id, by: 'ann', at: '2026-12-08T10:00:00.000Z' }
	);

describe('prompt library JSON', () => {
	it('round-trips stored versions and adds only the ones missing', () => {
		const a = edit('a');
		const b = edit('b');
		const file = exportPrompts([a, b]);
		expect(importPrompts('lib.json', file, [])).toEqual([a, b]);
		expect(importPrompts('lib.json', file, [a])).toEqual([b]);
		expect(importPrompts('lib.json', file, [a, b])).toEqual([]);
	});

	it('refuses a malformed file with one line naming the file and version, taking nothing', () => {
		expect(() => importPrompts('x.json', '{', [])).toThrow('x.json: not JSON');
		expect(() => importPrompts('x.json', '{"versions":[]}', [])).toThrow('x.json: not a Sieve prompt library');
		const bad = (patch: object) =>
			JSON.stringify({ format: 'sieve-prompts', version: 1, versions: [edit('a'), { ...edit('b'), ...patch }] });
		expect(() => importPrompts('x.json', bad({ promptId: 'nope' }), [])).toThrow('x.json: versions[1]: unknown prompt nope');
		expect(() => importPrompts('x.json', bad({ id: 'builtin:explain-flags' }), [])).toThrow(
			'x.json: versions[1]: built-in versions ship with Sieve'
		);
		expect(() => importPrompts('x.json', bad({ at: 'yesterday' }), [])).toThrow('x.json: versions[1]: at must be an ISO-8601 time');
		expect(() => importPrompts('x.json', bad({ variants: { en: { user: 'x' } } }), [])).toThrow('x.json: versions[1]: variants must map');
		expect(() => importPrompts('x.json', bad({ variants: { en: { system: '', user: '{{ssn}}' } } }), [])).toThrow(
			'x.json: versions[1]: explain-flags (en): unknown variable {{ssn}}'
		);
	});
});
