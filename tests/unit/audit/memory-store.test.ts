import { createMemoryStore } from '../../../app/lib/audit/memory-store';
import { chainStoreContract } from './chain-store.contract';

chainStoreContract('memory', async (device) => {
	const store = createMemoryStore(device);
	return { store, stored: async () => store.events };
});
