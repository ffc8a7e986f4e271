import { afterEach, describe, expect, it, vi } from 'vitest';
import check from '../../../app/cli/commands/check';
import exportCommand from '../../../app/cli/commands/export';
import inspect from '../../../app/cli/commands/inspect';
import { readEngine } from '../../../app/cli/engine';

afterEach(() => {
	vi.restoreAllMocks();
});

const stderrOf = () => {
	const lines: string[] = [];
	vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => lines.push(String(s)) > 0);
	return lines;
};

describe('--engine', () => {
	it('defaults to native and accepts wasm', () => {
		expect(readEngine(undefined, 'check')).toBe('native');
		expect(readEngine('native', 'check')).toBe('native');
		expect(readEngine('wasm', 'check')).toBe('wasm');
	});

	it.each([
		['inspect', inspect, ['tests/fixtures/real/fair.csv', '--json', '--engine', 'gpu']],
		['check', check, ['tests/fixtures/real/fair.csv', '--out', 'never.json', '--engine', 'gpu']],
		['export', exportCommand, ['tests/fixtures/real/fair.csv', '--to', 'never.csv', '--engine', 'gpu']]
	] as const)('%s exits 2 with one line naming an unknown engine', async (name, command, args) => {
		const lines = stderrOf();
		expect(await command([...args])).toBe(2);
		expect(lines).toEqual([`sieve ${name}: --engine must be native or wasm, got gpu\n`]);
	});
});
