/** A manual clock for the shipper: timers run only when the test advances time. */
export function createFakeTimers(start = Date.UTC(2026, 0, 1)) {
	let t = start;
	let nextId = 1;
	const timers = new Map<number, { at: number; fn: () => void }>();
	const settle = async () => {
		for (let i = 0; i < 20; i++) await Promise.resolve();
	};
	return {
		now: () => t,
		setTimer: (fn: () => void, ms: number) => {
			const id = nextId++;
			timers.set(id, { at: t + ms, fn });
			return id;
		},
		clearTimer: (id: unknown) => void timers.delete(id as number),
		/** Moves the clock forward, running due timers in order and letting promises settle after each. */
		async advance(ms: number) {
			const end = t + ms;
			await settle();
			for (;;) {
				const due = [...timers.entries()].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
				if (!due) break;
				timers.delete(due[0]);
				t = Math.max(t, due[1].at);
				due[1].fn();
				await settle();
			}
			t = end;
			await settle();
		}
	};
}
