import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ConnectorError } from './errors';

const PRIVATE: [string, number, 'ipv4' | 'ipv6'][] = [
	['0.0.0.0', 8, 'ipv4'],
	['10.0.0.0', 8, 'ipv4'],
	['100.64.0.0', 10, 'ipv4'],
	['127.0.0.0', 8, 'ipv4'],
	['169.254.0.0', 16, 'ipv4'],
	['172.16.0.0', 12, 'ipv4'],
	['192.168.0.0', 16, 'ipv4'],
	['224.0.0.0', 3, 'ipv4'],
	['::', 128, 'ipv6'],
	['::1', 128, 'ipv6'],
	['fc00::', 7, 'ipv6'],
	['fe80::', 10, 'ipv6']
];

function blockList(entries: readonly string[]): BlockList {
	const list = new BlockList();
	for (const entry of entries) {
		const [address = '', bits] = entry.split('/');
		const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
		if (!isIP(address)) throw new Error(`RELAY_CONNECTORS_ALLOW: ${entry} is not an IP address or CIDR range`);
		if (bits === undefined) list.addAddress(address, type);
		else list.addSubnet(address, Number(bits), type);
	}
	return list;
}

/**
 * `fetch` that refuses platform addresses resolving to loopback, private, link-local or
 * metadata ranges unless `allow` lists them (IPs or CIDRs): the relay must not become a way
 * into its own network. Checked after DNS resolution, on every request.
 */
export function guardedFetch(allow: readonly string[], inner: typeof fetch = fetch): typeof fetch {
	const blocked = new BlockList();
	for (const [address, bits, type] of PRIVATE) blocked.addSubnet(address, bits, type);
	const allowed = blockList(allow);
	return async (input, init) => {
		const url = new URL(input instanceof Request ? input.url : String(input));
		const host = url.hostname.replace(/^\[|\]$/g, '');
		const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true }).catch(() => []);
		for (const { address, family } of addresses) {
			const v4 = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/)?.[1];
			const a = v4 ?? address;
			const t = v4 || family !== 6 ? 'ipv4' : 'ipv6';
			if (blocked.check(a, t) && !allowed.check(a, t))
				throw new ConnectorError(
					`${url.hostname} resolves to ${a}, a private address; the relay's RELAY_CONNECTORS_ALLOW must list it`,
					'permanent'
				);
		}
		return inner(input, init);
	};
}
