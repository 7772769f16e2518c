import ipaddr from 'ipaddr.js';

/** A target the system will not send to or fetch from; not worth retrying. */
export class EgressRefusedError extends Error {
  override readonly name = 'EgressRefusedError';
}

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'shared (carrier-grade NAT)',
  private: 'private',
  uniqueLocal: 'unique-local',
  reserved: 'reserved',
  ipv4Mapped: 'IPv4-mapped',
  rfc6145: 'IPv4-translated',
  rfc6052: 'NAT64',
  '6to4': '6to4',
  teredo: 'Teredo',
  benchmarking: 'benchmarking',
};

/**
 * Which addresses outbound requests may reach: public unicast ones only,
 * plus what EGRESS_ALLOW names (addresses, CIDR ranges or host names, comma
 * separated), for tests, local development and receivers inside the
 * network. Nothing private is reachable by default.
 */
export class EgressPolicy {
  private constructor(
    private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][],
    private readonly hosts: Set<string>,
  ) {}

  /** Public addresses only. */
  static readonly strict = new EgressPolicy([], new Set());

  /** From EGRESS_ALLOW; throws naming an entry that is neither an address, a range nor a host name. */
  static parse(allow: string | undefined): EgressPolicy {
    const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
    const hosts = new Set<string>();
    for (const raw of (allow ?? '').split(',')) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      if (entry.includes('/')) {
        try {
          ranges.push(ipaddr.parseCIDR(entry));
        } catch {
          throw new Error(`EGRESS_ALLOW: "${raw.trim()}" is not a CIDR range`);
        }
      } else if (ipaddr.isValid(entry.replace(/^\[|\]$/gu, ''))) {
        const addr = normal(ipaddr.parse(entry.replace(/^\[|\]$/gu, '')));
        ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
      } else if (/^[a-z0-9.-]+$/u.test(entry)) {
        hosts.add(entry.replace(/\.$/u, ''));
      } else {
        throw new Error(
          `EGRESS_ALLOW: "${raw.trim()}" is not an address, a CIDR range or a host name`,
        );
      }
    }
    return new EgressPolicy(ranges, hosts);
  }

  /** Why a request to `host` that resolved to `address` is refused, or null when it may go. */
  refusal(host: string, address: string): string | null {
    if (this.hosts.has(host.toLowerCase().replace(/\.$/u, ''))) return null;
    if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
    const addr = normal(ipaddr.parse(address));
    if (this.ranges.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits))) {
      return null;
    }
    const range = addr.range();
    if (range === 'unicast') return null;
    const literal = host === address || host === `[${address}]`;
    const shown = literal ? addr.toString() : `${host} (${addr.toString()})`;
    const kind = RANGE_NAMES[range] ?? range;
    const article = /^[aeiou]/iu.test(kind) ? 'an' : 'a';
    return `${shown} is ${article} ${kind} address; outbound requests reach public addresses only (EGRESS_ALLOW lists exceptions)`;
  }
}

/** IPv4-mapped IPv6 (::ffff:127.0.0.1) is the IPv4 address it carries. */
function normal(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()
    ? (addr as ipaddr.IPv6).toIPv4Address()
    : addr;
}
