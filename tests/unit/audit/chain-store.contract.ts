import { describe, expect, it } from 'vitest';
import { appendEvent, appendEvents, createChain, nextEvent, StaleHeadError, type ChainStore } from '../../../app/lib/audit/chain';
import { verifyChain } from '../../../app/lib/audit/verify-chain';

/**
 * What every ChainStore (memory, Dexie, …) must do. Call with a factory giving an empty store for
 * `device` and a way to read back everything stored for it.
 */
export function chainStoreContract(
	name: string,
	open: (device: string) => Promise<{ store: ChainStore; stored: () => Promise<unknown[]> }>
): void {
	describe(`ChainStore contract: ${name}`, () => {
		it('starts empty, then returns the last appended event as head', async () => {
			const { store } = await open('dev-a');
			expect(await store.head()).toBeNull();
			const chain = await createChain('dev-a', 'alice', store);
			const e = await appendEvent(chain, { type: 'audit-view', payload: { view: 'timeline' } });
			expect(await store.head()).toEqual(e);
		});

		it('stores events exactly, so the chain read back verifies', async () => {
			const { store, stored } = await open('dev-a');
			const chain = await createChain('dev-a', 'alice', store);
			await appendEvent(chain, { type: 'comment', payload: { id: 'c', text: 'ü 😀 "q"', mentions: ['bob'] } });
			await appendEvent(chain, {
				type: 'decision',
				payload: { action: 'edit-value', respondents: [3], variable: 'age', value: -0.5, reason: 'typo' }
			});
			expect(await verifyChain(await stored())).toMatchObject({ ok: true, head: { seq: 2 } });
		});

		it('refuses an event that does not extend the stored head, writing nothing', async () => {
			const { store, stored } = await open('dev-a');
			const chain = await createChain('dev-a', 'alice', store);
			const stale = await nextEvent(chain.head, { type: 'audit-view', payload: { view: 'summary' } }, 'alice');
			await appendEvent(chain, { type: 'audit-view', payload: { view: 'timeline' } });
			let wrote = false;
			await expect(store.append([stale], () => (wrote = true))).rejects.toBeInstanceOf(StaleHeadError);
			expect(wrote).toBe(false);
			expect(await stored()).toHaveLength(2);
		});

		it('appends a bulk action of 1,000 events as one write that verifies, and a stale batch not at all', async () => {
			const { store, stored } = await open('dev-a');
			const chain = await createChain('dev-a', 'alice', store);
			const stale = await createChain('dev-a', 'alice', store);
			const bulk = Array.from({ length: 1000 }, (_, i) => ({
				type: 'decision' as const,
				payload: { action: 'exclude' as const, respondents: [`R_${i}`], reason: 'speeder' }
			}));
			let writes = 0;
			const events = await appendEvents(chain, bulk, () => writes++);
			expect(writes).toBe(1);
			expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
			expect(await verifyChain(await stored())).toMatchObject({ ok: true, head: { seq: 1000, hash: events[999].hash } });
			const late = [await nextEvent(stale.head, bulk[0], 'alice')];
			await expect(store.append(late, () => writes++)).rejects.toBeInstanceOf(StaleHeadError);
			expect(writes).toBe(1);
			expect(await stored()).toHaveLength(1001);
		});

		it('runs the recorded change with the event', async () => {
			const { store } = await open('dev-a');
			const chain = await createChain('dev-a', 'alice', store);
			let wrote = 0;
			await appendEvent(chain, { type: 'comment', payload: { id: 'c', text: 'x' } }, () => wrote++);
			expect(wrote).toBe(1);
		});
	});
}
