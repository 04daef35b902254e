import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { ConfigError } from '../config/environment';

/**
 * Where webhooks may be sent. An administrator sets a subscription's URL, so without limits the runtime could be made
 * to POST into its own network (the database, a cloud metadata address, an admin port on loopback). Loopback,
 * private, shared (CGN), link-local and unspecified addresses, IPv4 and IPv6 (IPv4-mapped included), are refused
 * unless the operator lists the host or network in QYZMET_WEBHOOK_ALLOW ("hooks.gov.kz,10.1.0.0/16,127.0.0.1").
 * The check runs on the resolved addresses, both when a subscription is created and on each delivery's own
 * connection (so a name that later resolves elsewhere, DNS rebinding, is refused too).
 */
export interface DestinationPolicy {
  /** Host names allowed whatever they resolve to (lower case). */
  hosts: ReadonlySet<string>;
  /** Addresses and networks allowed although in a refused range. */
  networks: BlockList;
}

export const WEBHOOK_ALLOW_ENV = 'QYZMET_WEBHOOK_ALLOW';

const REFUSED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // unspecified, "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3], // multicast, reserved, broadcast
] as const)
  REFUSED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  REFUSED.addSubnet(net, prefix, 'ipv6');

/** The operator's list: comma-separated host names, addresses and CIDR networks. A malformed entry is refused. */
export function parseAllowlist(text: string | undefined): DestinationPolicy {
  const hosts = new Set<string>();
  const networks = new BlockList();
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [bracketed, prefix, extra] = entry.split('/');
    const address = bracketed.replace(/^\[(.*)\]$/, '$1');
    const family = isIP(address);
    if (prefix !== undefined) {
      const bits = Number(prefix);
      const max = family === 4 ? 32 : 128;
      if (!family || extra !== undefined || !/^\d+$/.test(prefix) || bits > max)
        throw new ConfigError(
          `${WEBHOOK_ALLOW_ENV}: "${raw.trim()}" is not a network (address/prefix, e.g. 10.1.0.0/16)`,
        );
      networks.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
    } else if (family) networks.addAddress(address, family === 4 ? 'ipv4' : 'ipv6');
    else if (/^[a-z0-9.-]+$/i.test(address)) hosts.add(address.toLowerCase());
    else
      throw new ConfigError(`${WEBHOOK_ALLOW_ENV}: "${raw.trim()}" is neither a host name, an address nor a network`);
  }
  return { hosts, networks };
}

/** Why an address may not be called, or null when it may. */
export function refusedAddress(address: string, policy: DestinationPolicy): string | null {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (policy.networks.check(address, family)) return null;
  if (REFUSED.check(address, family))
    return `${address} is a loopback, private, link-local or unspecified address; the operator can allow it in ${WEBHOOK_ALLOW_ENV}`;
  return null;
}

/** The URL's host name as the resolver takes it (no IPv6 brackets, lower case). */
function hostnameOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

export type Resolve = (hostname: string) => Promise<string[]>;

/** How long a subscription's creation waits for its host to resolve. */
const RESOLVE_TIMEOUT_MS = 5_000;

const resolveAll: Resolve = (hostname) =>
  new Promise((ok, fail) => {
    const timer = setTimeout(
      () => fail(Object.assign(new Error('no answer'), { code: 'ETIMEOUT' })),
      RESOLVE_TIMEOUT_MS,
    );
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      clearTimeout(timer);
      if (error) fail(error);
      else ok(addresses.map((a) => a.address));
    });
  });

/**
 * Why a subscription's URL may not be used, or null when it may: an http(s) URL whose host is listed or resolves
 * only to allowed addresses.
 */
export async function refusedDestination(
  text: string,
  policy: DestinationPolicy,
  resolve: Resolve = resolveAll,
): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs are delivered to';
  if (url.username || url.password) return 'credentials in the URL are not allowed; the signature authenticates';
  const host = hostnameOf(url);
  if (policy.hosts.has(host)) return null;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch (e) {
    return `the host "${host}" does not resolve (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
  }
  for (const a of addresses) {
    const why = refusedAddress(a, policy);
    if (why) return why;
  }
  return null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves as usual and refuses the connection if any address is refused: the
 * check is made on the very addresses the socket connects to.
 */
export function guardedLookup(policy: DestinationPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const allowedHost = policy.hosts.has(hostname.toLowerCase());
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const why = allowedHost ? null : addresses.map((a) => refusedAddress(a.address, policy)).find(Boolean);
      if (why) return callback(Object.assign(new Error(`refused destination: ${why}`), { code: 'EREFUSEDDEST' }), []);
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      callback(null, first.address, first.family);
    });
  };
}
