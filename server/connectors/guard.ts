import { parseAllowList, refuseUnsafeTarget } from '../hooks/ssrf';
import { ConnectorError } from './errors';

/**
 * `fetch` that refuses platform addresses resolving to loopback, private, link-local or
 * metadata ranges unless `allow` lists them (IPs or CIDRs): the relay must not become a way
 * into its own network. The same rule as webhook targets, checked after DNS on every request.
 */
export function guardedFetch(allow: readonly string[], inner: typeof fetch = fetch): typeof fetch {
	const allowed = parseAllowList(allow.join(','), 'RELAY_CONNECTORS_ALLOW');
	return async (input, init) => {
		const why = await refuseUnsafeTarget(input instanceof Request ? input.url : String(input), { allow: allowed });
		if (why) throw new ConnectorError(`${why}; the relay's RELAY_CONNECTORS_ALLOW must list it`, 'permanent');
		return inner(input, init);
	};
}
