import { EgressPolicy } from './egress-policy';

describe(EgressPolicy.name, () => {
  const strict = EgressPolicy.strict;

  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.45.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.20', 'private'],
    ['::ffff:192.168.1.20', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['255.255.255.255', 'broadcast'],
    ['64:ff9b::7f00:1', 'NAT64'],
    ['2002:7f00:1::', '6to4'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(strict.refusal(address, address)).toContain(kind);
  });

  it('lets public unicast addresses through, in both families', () => {
    expect(strict.refusal('example.org', '93.184.216.34')).toBeNull();
    expect(strict.refusal('example.org', '2606:2800:220:1:248:1893:25c8:1946')).toBeNull();
  });

  it('names the host and the address it resolved to', () => {
    expect(strict.refusal('localhost', '127.0.0.1')).toMatch(
      /^localhost \(127\.0\.0\.1\) is a loopback address/,
    );
  });

  it('allows what EGRESS_ALLOW lists, and nothing beside it', () => {
    const p = EgressPolicy.parse(' 127.0.0.1 , 10.20.0.0/16, hooks.internal ,[::1]');
    expect(p.refusal('127.0.0.1', '127.0.0.1')).toBeNull();
    expect(p.refusal('x', '::ffff:127.0.0.1')).toBeNull();
    expect(p.refusal('::1', '::1')).toBeNull();
    expect(p.refusal('x', '10.20.9.9')).toBeNull();
    expect(p.refusal('x', '10.21.0.1')).toContain('private');
    expect(p.refusal('127.0.0.2', '127.0.0.2')).toContain('loopback');
    expect(p.refusal('HOOKS.internal', '192.168.7.7')).toBeNull();
    expect(p.refusal('other.internal', '192.168.7.7')).toContain('private');
  });

  it('refuses to start on an allow entry it cannot read', () => {
    expect(() => EgressPolicy.parse('10.0.0.0/99')).toThrow(/not a CIDR range/);
    expect(() => EgressPolicy.parse('hooks:8080')).toThrow(
      /not an address, a CIDR range or a host name/,
    );
    expect(EgressPolicy.parse('').refusal('127.0.0.1', '127.0.0.1')).toContain('loopback');
  });
});
