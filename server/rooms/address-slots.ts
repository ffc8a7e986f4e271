export interface AddressSlots {
	/** Whether `address` may open one more connection. */
	available(address: string): boolean;
	/** Takes a slot for `address`; false when it has none left. */
	acquire(address: string): boolean;
	release(address: string): void;
}

/**
 * At most `max` open connections per client address.
 *
 * @example
 * const slots = createAddressSlots(64);
 * if (!slots.acquire(address)) return ws.close(1013, 'too many connections');
 */
export function createAddressSlots(max: number): AddressSlots {
	const open = new Map<string, number>();
	return {
		available: (address) => (open.get(address) ?? 0) < max,
		acquire(address) {
			const n = open.get(address) ?? 0;
			if (n >= max) return false;
			open.set(address, n + 1);
			return true;
		},
		release(address) {
			const n = (open.get(address) ?? 0) - 1;
			if (n > 0) open.set(address, n);
			else open.delete(address);
		}
	};
}
