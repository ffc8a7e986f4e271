import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList, refuseAddress, refuseUnsafeTarget } from '../../../../server/hooks/ssrf';
import { createTransport } from '../../../../server/hooks/transport';
import { startReceiver, type Receiver } from './receiver';
import { corpus, resolve } from './ssrf-corpus';

let v4: Receiver;
let v6: Receiver;

beforeAll(async () => {
	v4 = await startReceiver('127.0.0.1');
	v6 = await startReceiver('::1');
});
afterAll(async () => {
	await v4.close();
	await v6.close();
});

describe('refuseUnsafeTarget', () => {
	it('refuses a corpus of 48 loopback and documentation targets, in every encoding, without connecting', async () => {
		const urls = corpus(v4.port, v6.port);
		expect(urls.length).toBeGreaterThanOrEqual(40);
		const refusals = await Promise.all(urls.map((url) => refuseUnsafeTarget(url, { resolve })));
		expect(urls.filter((_, i) => refusals[i] === null)).toEqual([]);
		expect(refusals[6]).toBe('127.0.0.1 is a private, loopback, link-local or reserved address');
		expect(v4.connections + v6.connections).toBe(0);
	});

	it('refuses the same corpus at connect time, before any socket is opened', async () => {
		const post = createTransport({ resolve, timeoutMs: 2000 });
		const results = await Promise.all(corpus(v4.port, v6.port).map((url) => post(url, {}, '{}')));
		expect(results.filter((r) => !r.refused || r.status !== null)).toEqual([]);
		expect(results.every((r) => r.error?.startsWith('refused at connect time'))).toBe(true);
		expect(v4.connections + v6.connections).toBe(0);
	});

	it('refuses private, link-local, metadata and translated addresses (checked only, never contacted)', () => {
		const refused = [
			'10.0.0.1',
			'172.16.5.4',
			'172.31.255.255',
			'192.168.1.1',
			'100.64.0.1',
			'169.254.169.254',
			'169.254.170.2',
			'100.100.100.200',
			'224.0.0.1',
			'255.255.255.255',
			'fd00:ec2::254',
			'fe80::1',
			'fc00::1',
			'ff02::1',
			'::ffff:10.0.0.1',
			'::ffff:169.254.169.254',
			'64:ff9b::a00:1'
		];
		expect(refused.filter((a) => refuseAddress(a) === null)).toEqual([]);
		expect(['1.1.1.1', '8.8.8.8', '2606:4700:4700::1111', '172.32.0.1', '192.169.0.1'].map((a) => refuseAddress(a))).toEqual([
			null,
			null,
			null,
			null,
			null
		]);
	});

	it('refuses other schemes, credentials, bad URLs and names that do not resolve', async () => {
		expect(await refuseUnsafeTarget('ftp://files.example/x', { resolve })).toMatch(/only http and https/);
		expect(await refuseUnsafeTarget('file:///etc/passwd', { resolve })).toMatch(/only http and https/);
		expect(await refuseUnsafeTarget('http://user:pw@loopback.example/', { resolve })).toMatch(/user name or password/);
		expect(await refuseUnsafeTarget('not a url', { resolve })).toMatch(/not a valid URL/);
		expect(await refuseUnsafeTarget('http://nowhere.example/', { resolve })).toBe('nowhere.example does not resolve');
		expect(await refuseUnsafeTarget('http://mixed.example/', { resolve })).toBe(
			'mixed.example resolves to 203.0.113.5 is a private, loopback, link-local or reserved address'
		);
	});

	it('admits what RELAY_HOOKS_ALLOW lists, after resolution, and nothing next to it', async () => {
		const allow = parseAllowList('127.0.0.1, 2001:db8::/32');
		expect(await refuseUnsafeTarget('http://loopback.example/', { resolve, allow })).toBeNull();
		expect(await refuseUnsafeTarget('http://0x7f000001/', { resolve, allow })).toBeNull();
		expect(await refuseUnsafeTarget('http://doc6.example/', { resolve, allow })).toBeNull();
		expect(await refuseUnsafeTarget('http://127.0.0.2/', { resolve, allow })).not.toBeNull();
		expect(await refuseUnsafeTarget('http://mixed.example/', { resolve, allow })).toMatch(/203\.0\.113\.5/);
		const post = createTransport({ resolve, allow, timeoutMs: 2000 });
		expect(await post(`http://loopback.example:${v4.port}/ok`, {}, '{}')).toEqual({ status: 204 });
		expect(v4.received.map((r) => r.path)).toEqual(['/ok']);
		v4.received.length = 0;
		v4.connections = 0;
	});

	it('rejects a malformed allow list naming the entry', () => {
		expect(() => parseAllowList('127.0.0.1, 10.0.0.0/33')).toThrow('RELAY_HOOKS_ALLOW: 10.0.0.0/33 is not an IP address or CIDR');
		expect(() => parseAllowList('intranet')).toThrow('RELAY_HOOKS_ALLOW: intranet is not an IP address or CIDR');
	});
});
