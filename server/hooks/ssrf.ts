import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** Resolves a host name to every address it has (as `dns.promises.lookup` with `all: true`). */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface TargetPolicy {
	/** addresses and networks that are allowed although private (`RELAY_HOOKS_ALLOW`) */
	allow?: BlockList;
	/** DNS; the system resolver by default */
	resolve?: Resolver;
}

// Non-public ranges (IANA special-purpose registries): nothing on them is a webhook receiver a relay
// should reach on a user's say-so. IPv4-mapped IPv6 addresses are matched by the IPv4 rules (BlockList does it).
const REFUSED: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']> = [
	['0.0.0.0', 8, 'ipv4'],
	['10.0.0.0', 8, 'ipv4'],
	['100.64.0.0', 10, 'ipv4'],
	['127.0.0.0', 8, 'ipv4'],
	['169.254.0.0', 16, 'ipv4'],
	['172.16.0.0', 12, 'ipv4'],
	['192.0.0.0', 24, 'ipv4'],
	['192.0.2.0', 24, 'ipv4'],
	['192.88.99.0', 24, 'ipv4'],
	['192.168.0.0', 16, 'ipv4'],
	['198.18.0.0', 15, 'ipv4'],
	['198.51.100.0', 24, 'ipv4'],
	['203.0.113.0', 24, 'ipv4'],
	['224.0.0.0', 4, 'ipv4'],
	['240.0.0.0', 4, 'ipv4'],
	['::', 96, 'ipv6'],
	['64:ff9b::', 96, 'ipv6'],
	['64:ff9b:1::', 48, 'ipv6'],
	['100::', 64, 'ipv6'],
	['2001::', 23, 'ipv6'],
	['2001:db8::', 32, 'ipv6'],
	['2002::', 16, 'ipv6'],
	['fc00::', 7, 'ipv6'],
	['fe80::', 10, 'ipv6'],
	['fec0::', 10, 'ipv6'],
	['ff00::', 8, 'ipv6']
];

const refused = new BlockList();
for (const [network, prefix, family] of REFUSED) refused.addSubnet(network, prefix, family);

// Names that never leave the local network, refused before any DNS query is made.
const LOCAL_NAME = /(^|\.)(localhost|local|internal|localdomain|home\.arpa|lan|intranet)$/;

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * Why the relay must not connect to `address`, or null when it may. Private, loopback,
 * link-local, metadata, documentation, multicast and IPv4-mapped/translated forms of them are
 * refused unless `allow` lists them.
 */
export function refuseAddress(address: string, allow?: BlockList): string | null {
	if (isIP(address) === 0) return `${address} is not an IP address`;
	if (allow?.check(address, familyOf(address))) return null;
	if (refused.check(address, familyOf(address))) return `${address} is a private, loopback, link-local or reserved address`;
	return null;
}

/**
 * Why `url` is not a webhook target the relay may post to, or null when it is: only http(s),
 * no credentials in the URL, and every address the host resolves to must be public (or allowed).
 * Numeric hosts in decimal, octal or hex are normalised by the URL parser before the check.
 *
 * @example
 * await refuseUnsafeTarget('http://0x7f.1/hook'); // '127.0.0.1 is a private, loopback, link-local or reserved address'
 */
export async function refuseUnsafeTarget(url: string, policy: TargetPolicy = {}): Promise<string | null> {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `${url} is not a valid URL`;
	}
	if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `${parsed.protocol} URLs are not allowed, only http and https`;
	if (parsed.username || parsed.password) return 'the URL must not carry a user name or password';
	const host = hostOf(parsed);
	if (isIP(host)) return refuseAddress(host, policy.allow);
	const local = refuseHostName(host);
	if (local) return local;
	let addresses: string[];
	try {
		addresses = await (policy.resolve ?? systemResolve)(host);
	} catch {
		return `${host} does not resolve`;
	}
	if (addresses.length === 0) return `${host} does not resolve`;
	for (const address of addresses) {
		const why = refuseAddress(address, policy.allow);
		if (why) return `${host} resolves to ${why}`;
	}
	return null;
}

/** Why a host name is refused before any DNS query (local-only names), or null. */
export const refuseHostName = (host: string) =>
	LOCAL_NAME.test(host.replace(/\.$/, '').toLowerCase()) ? `${host} is a local host name` : null;

/** The URL's host without IPv6 brackets or a trailing dot, lower-case. */
export const hostOf = (url: URL) =>
	url.hostname
		.replace(/^\[(.*)\]$/, '$1')
		.replace(/\.$/, '')
		.toLowerCase();

export const systemResolve: Resolver = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Parses an allow list (`RELAY_HOOKS_ALLOW`, `RELAY_CONNECTORS_ALLOW`): comma-separated IPs or CIDRs.
 *
 * @example
 * parseAllowList('127.0.0.1, 10.1.0.0/16, ::1');
 */
export function parseAllowList(raw: string, setting = 'RELAY_HOOKS_ALLOW'): BlockList {
	const list = new BlockList();
	for (const entry of raw
		.split(',')
		.map((e) => e.trim())
		.filter(Boolean)) {
		const [address = '', prefix] = entry.split('/');
		const family = familyOf(address);
		const bits = prefix === undefined ? undefined : Number(prefix);
		const max = family === 'ipv6' ? 128 : 32;
		if (isIP(address) === 0 || (bits !== undefined && (!Number.isInteger(bits) || bits < 0 || bits > max))) {
			throw new Error(`${setting}: ${entry} is not an IP address or CIDR`);
		}
		if (bits === undefined) list.addAddress(address, family);
		else list.addSubnet(address, bits, family);
	}
	return list;
}
