import { describe, expect, it } from 'vitest';
import { createShipper, type ShipperOptions } from '../../../app/lib/monitor/shipper';
import type { LocalLogEntry } from '../../../app/lib/monitor/types';
import { LOGS_MAX_BYTES, TRACEPARENT_RE, type LogEntry } from '../../../server/protocol/logs';
import { createFakeTimers } from './fake-timers';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const info = (i: number, extra = ''): LocalLogEntry => ({
	time: new Date(0).toISOString(),
	level: 'info',
	message: `m${i}${extra}`,
	trace: TRACE,
	source: 'page'
});
const err = (fingerprint: string, message = 'boom'): LocalLogEntry => ({
	...info(0),
	level: 'error',
	message,
	error: { name: 'Error', message, fingerprint }
});

interface Sent {
	entries: LogEntry[];
	headers: Record<string, string>;
	keepalive: boolean;
	at: number;
}

function setup(answer: (attempt: number) => number | 'offline' = () => 200, opts: Partial<ShipperOptions> = {}) {
	const clock = createFakeTimers();
	const sent: Sent[] = [];
	let attempts = 0;
	const shipper = createShipper({
		trace: TRACE,
		now: clock.now,
		setTimer: clock.setTimer,
		clearTimer: clock.clearTimer,
		random: () => 0.5,
		send: async (body, headers, keepalive) => {
			const a = answer(attempts++);
			if (a === 'offline') throw new TypeError('Failed to fetch');
			if (a < 300) sent.push({ entries: JSON.parse(body), headers, keepalive, at: clock.now() });
			return a;
		},
		...opts
	});
	return { clock, sent, shipper, attempts: () => attempts };
}

describe('createShipper', () => {
	it('sends a batch as soon as 10 entries wait, and the rest after 5 s', async () => {
		const { clock, sent, shipper } = setup();
		for (let i = 0; i < 13; i++) shipper.push(info(i));
		await clock.advance(0);
		expect(sent.map((s) => s.entries.length)).toEqual([10]);
		await clock.advance(4999);
		expect(sent).toHaveLength(1);
		await clock.advance(1);
		expect(sent.map((s) => s.entries.length)).toEqual([10, 3]);
		expect(sent.flatMap((s) => s.entries.map((e) => e.message))).toEqual(Array.from({ length: 13 }, (_, i) => `m${i}`));
		expect(sent[0]!.entries[0]).toEqual({ time: '1970-01-01T00:00:00.000Z', level: 'info', message: 'm0' });
	});

	it('carries a valid traceparent with the session trace id and a fresh span per request', async () => {
		const { clock, sent, shipper } = setup();
		for (let i = 0; i < 20; i++) shipper.push(info(i));
		await clock.advance(0);
		const [a, b] = sent.map((s) => s.headers.traceparent!.match(TRACEPARENT_RE)!);
		expect(a![2]).toBe(TRACE);
		expect(b![2]).toBe(TRACE);
		expect(a![3]).not.toBe(b![3]);
		expect(sent[0]!.headers['content-type']).toBe('application/json');
	});

	it('keeps every batch within 60 KB and drops an entry too big for any batch', async () => {
		const { clock, sent, shipper } = setup();
		for (let i = 0; i < 10; i++) shipper.push(info(i, 'é'.repeat(9000)));
		shipper.push(info(99, 'x'.repeat(70_000)));
		await clock.advance(5000);
		await clock.advance(5000);
		const sizes = sent.map((s) => new TextEncoder().encode(JSON.stringify(s.entries)).length);
		expect(Math.max(...sizes)).toBeLessThanOrEqual(60 * 1024);
		expect(Math.max(...sizes)).toBeLessThan(LOGS_MAX_BYTES);
		expect(sent.flatMap((s) => s.entries)).toHaveLength(10);
		expect(shipper.stats().dropped).toBe(1);
	});

	it('sends identical errors within 10 s once with a count, and again after the window', async () => {
		const { clock, sent, shipper } = setup();
		for (let i = 0; i < 5; i++) shipper.push(err('f1'));
		shipper.push(err('f2', 'other'));
		await clock.advance(5000);
		expect(sent.flatMap((s) => s.entries).map((e) => [e.message, e.count])).toEqual([
			['boom', 5],
			['other', undefined]
		]);
		shipper.push(err('f1'));
		shipper.push(err('f1'));
		await clock.advance(4000);
		expect(sent).toHaveLength(1);
		await clock.advance(1000);
		expect(sent.flatMap((s) => s.entries).map((e) => [e.message, e.count])).toEqual([
			['boom', 5],
			['other', undefined],
			['boom', 2]
		]);
		await clock.advance(10_000);
		shipper.push(err('f1'));
		await clock.advance(5000);
		expect(sent.at(-1)!.entries.map((e) => [e.message, e.count])).toEqual([['boom', undefined]]);
		expect(shipper.stats()).toMatchObject({ sent: 4, deduplicated: 5 });
	});

	it('retries a failed batch 3 times with exponential backoff, then keeps it queued until the relay answers', async () => {
		let offline = true;
		const { clock, sent, shipper, attempts } = setup((a) => (offline ? (a % 2 ? 'offline' : 503) : 200));
		shipper.push(info(1));
		await clock.advance(5000);
		expect(attempts()).toBe(1);
		await clock.advance(999);
		expect(attempts()).toBe(1);
		await clock.advance(1);
		expect(attempts()).toBe(2);
		await clock.advance(2000);
		expect(attempts()).toBe(3);
		await clock.advance(4000);
		expect(attempts()).toBe(4);
		await clock.advance(100);
		expect(shipper.stats()).toMatchObject({ queued: 1, sent: 0 });
		offline = false;
		await clock.advance(5000);
		expect(sent.flatMap((s) => s.entries.map((e) => e.message))).toEqual(['m1']);
		expect(shipper.stats()).toMatchObject({ queued: 0, sent: 1 });
	});

	it('does not retry a batch the relay refuses (4xx), and caps the offline queue', async () => {
		const refused = setup(() => 413);
		refused.shipper.push(info(1));
		await refused.clock.advance(60_000);
		expect(refused.attempts()).toBe(1);

		const { clock, shipper } = setup(() => 'offline', { queueCap: 25, retries: 0 });
		for (let i = 0; i < 40; i++) shipper.push(info(i));
		await clock.advance(0);
		expect(shipper.stats()).toMatchObject({ queued: 25, dropped: 15 });
	});

	it('sends one last keepalive batch when the page hides, including held repeats', async () => {
		const { clock, sent, shipper } = setup();
		shipper.push(err('f1'));
		await shipper.flush();
		shipper.push(err('f1'));
		shipper.push(err('f1'));
		shipper.push(info(7));
		shipper.flushOnHide();
		await clock.advance(0);
		expect(sent.map((s) => [s.keepalive, s.entries.map((e) => [e.message, e.count])])).toEqual([
			[false, [['boom', undefined]]],
			[
				true,
				[
					['m7', undefined],
					['boom', 2]
				]
			]
		]);
	});
});
