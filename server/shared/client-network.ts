import { isIPv4, isIPv6 } from 'node:net';

// What counts as one client for a limit on filings. An IPv4 address is one network as it stands;
// an IPv6 address is counted by its /64, since one home or phone commonly holds a whole /64 and
// would otherwise get a fresh allowance for every address in it. An IPv4 address written as IPv6
// (::ffff:a.b.c.d, as a dual-stack listener reports it) is its IPv4 form.

/** The key a client address is counted under: the IPv4 address, or the IPv6 /64 as `prefix::/64`. */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address) || !isIPv6(address)) return address;
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
