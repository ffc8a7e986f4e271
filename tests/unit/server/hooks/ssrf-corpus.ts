import type { Resolver } from '../../../../server/hooks/ssrf';

// Names the tests resolve themselves: no DNS query leaves the machine, and every answer is a
// loopback or documentation address (RFC 5737 / RFC 3849).
const NAMES: Record<string, string[]> = {
	'loopback.example': ['127.0.0.1'],
	'mapped.example': ['::ffff:127.0.0.1'],
	'mixed.example': ['203.0.113.5', '127.0.0.1'],
	'doc6.example': ['2001:db8::5']
};
export const resolve: Resolver = async (host) => {
	const found = NAMES[host];
	if (!found) throw new Error(`test resolver: no ${host}`);
	return found;
};

/** Every way we know to spell a loopback or documentation target; `P` is the listening port. */
export const corpus = (p: number, p6: number) => [
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
