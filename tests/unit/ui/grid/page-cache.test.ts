import { describe, expect, it } from 'vitest';
import { PageCache } from '../../../../app/lib/ui/grid/page-cache.svelte';
import type { PageResult } from '../../../../app/lib/engine/api';

function fakeEngine() {
	const calls: number[] = [];
	const pending: (() => void)[] = [];
	const fetchPage = (offset: number, limit: number) =>
		new Promise<PageResult>((resolve) => {
			calls.push(offset);
			pending.push(() => resolve({ offset, rows: Array.from({ length: limit }, (_, i) => [offset + i + 1]) }));
		});
	return { calls, fetchPage, flush: () => pending.splice(0).forEach((f) => f()) };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('PageCache', () => {
	it('fetches the pages nearest the view first, two at a time', async () => {
		const e = fakeEngine();
		const cache = new PageCache(e.fetchPage, 100_000);
		cache.ensure(5000, 5599, 5200);
		expect(e.calls).toEqual([5200, 5300]);
		e.flush();
		await settle();
		expect(e.calls).toEqual([5200, 5300, 5100, 5400]);
		expect(cache.row(5250)).toEqual([5251]);
		expect(cache.row(5050)).toBeUndefined();
	});

	it('drops pages the view has left before they were requested', async () => {
		const e = fakeEngine();
		const cache = new PageCache(e.fetchPage, 1_000_000);
		for (let first = 0; first < 500_000; first += 1700) cache.ensure(first, first + 200, first);
		expect(e.calls).toEqual([0, 100]);
		e.flush();
		await settle();
		expect(e.calls.slice(2)).toEqual([499_800, 499_900]);
	});

	it('fetches scattered rows of a filtered list by their pages', async () => {
		const e = fakeEngine();
		const cache = new PageCache(e.fetchPage, 10_000);
		cache.ensureRows([9_950, 120, 130, 4_000]);
		expect(e.calls).toEqual([9_900, 100]);
		e.flush();
		await settle();
		expect(e.calls).toEqual([9_900, 100, 4_000]);
	});
});
