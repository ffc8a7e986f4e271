import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList, refuseAddress, refuseUnsafeTarget, type Resolver } from '../../../../server/hooks/ssrf';
import { createTransport } from '../../../../server/hooks/transport';
import { startReceiver, type Receiver } from './receiver';

// Names the tests resolve themselves: no DNS query leaves the machine, and every answer is a
// loopback or documentation address (RFC 5737 / RFC 3849).
const NAMES: Record<string, string[]> = {
	'loopback.example': ['127.0.0.1'],
	'mapped.example': ['::ffff:127.0.0.1'],
	'mixed.example': ['203.0.113.5', '127.0.0.1'],
	'doc6.example': ['2001:db8::5']
};
const resolve: Resolver = async (host) => {
	const found = NAMES[host];
	if (!found) throw new Error(`test resolver: no ${host}`);
	return found;
};

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

/** Every way we know to spell a loopback or documentation target; `P` is the listening port. */
const corpus = (p: number, p6: number) => [
	`http://127.0.0.1:${p}/hook`,
	`https://127.0.0.1:${p}/hook`,
	`http://127.1:${p}/`,
	`http://127.0.1:${p}/`,
	`http://127.0.0.1.:${p}/`,
	`http://127.000.000.001:${p}/`,
	`http://2130706433:${p}/`,
	`http://0x7f000001:${p}/`,
	`http://0x7f.0x0.0x0.0x1:${p}/`,
	`http://0x7f.1:${p}/`,
	`http://0177.0.0.1:${p}/`,
	`http://017700000001:${p}/`,
	`http://0177.0000.0000.0001:${p}/`,
	`http://%31%32%37.0.0.1:${p}/`,
	`http://①②⑦.0.0.1:${p}/`,
	`http://127.0.0.2:${p}/`,
	`http://127.255.255.254:${p}/`,
	`http://0.0.0.0:${p}/`,
	`http://0:${p}/`,
	`http://localhost:${p}/`,
	`http://LOCALHOST:${p}/`,
	`http://localhost.:${p}/`,
	`http://hooks.localhost:${p}/`,
	`http://metadata.google.internal:${p}/computeMetadata/v1/`,
	`http://printer.local:${p}/`,
	`http://[::1]:${p6}/`,
	`http://[0:0:0:0:0:0:0:1]:${p6}/`,
	`http://[::]:${p6}/`,
	`http://[::ffff:127.0.0.1]:${p}/`,
	`http://[::ffff:7f00:1]:${p}/`,
	`http://[0:0:0:0:0:ffff:127.0.0.1]:${p}/`,
	`http://[::127.0.0.1]:${p}/`,
	`http://[64:ff9b::7f00:1]:${p}/`,
	`http://[2002:7f00:1::]:${p}/`,
	`http://192.0.2.1:${p}/`,
	`http://198.51.100.7:${p}/`,
	`http://203.0.113.9:${p}/`,
	`http://203.0.113.9.:${p}/`,
	`http://3221225985:${p}/`,
	`http://0300.0000.0002.0001:${p}/`,
	`http://0xc0000201:${p}/`,
	`http://[::ffff:192.0.2.1]:${p}/`,
	`http://[::ffff:c000:201]:${p}/`,
	`http://[2001:db8::1]:${p}/`,
	`http://loopback.example:${p}/`,
	`http://mapped.example:${p}/`,
	`http://mixed.example:${p}/`,
	`http://doc6.example:${p}/`
];

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
