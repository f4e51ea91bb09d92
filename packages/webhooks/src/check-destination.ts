import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export interface DestinationOptions {
  /**
   * 127.0.0.0/8 and ::1: two services on one machine, development, tests (OUTBOUND_ALLOW_LOOPBACK). Refused unless
   * set: in production a loopback URL can only reach this machine's own services, never the other portal.
   */
  allowLoopback?: boolean;
  /** 10/8, 172.16/12, 192.168/16, fc00::/7 and CGNAT 100.64/10: services inside one private network. */
  allowPrivate?: boolean;
}

/** The portals' setting that sets each option, for the operator who reads why a call was refused. */
const SETTINGS: Record<keyof DestinationOptions, string> = {
  allowLoopback: "OUTBOUND_ALLOW_LOOPBACK",
  allowPrivate: "OUTBOUND_ALLOW_PRIVATE_NETWORKS",
};

export type DestinationCheck = { allowed: true; addresses: string[] } | { allowed: false; reason: string };

const subnets = (list: BlockList, entries: [string, number, "ipv4" | "ipv6"][]) => {
  for (const [network, prefix, family] of entries) list.addSubnet(network, prefix, family);
  return list;
};

// Checked in this order; the first match names the address. Metadata comes before link-local and private so that no
// option ever opens a cloud provider's credential endpoint.
const RANGES: { label: string; list: BlockList; opensWith?: keyof DestinationOptions }[] = [
  {
    label: "cloud metadata",
    list: subnets(new BlockList(), [
      ["169.254.169.254", 32, "ipv4"],
      ["100.100.100.200", 32, "ipv4"],
      ["fd00:ec2::254", 128, "ipv6"],
    ]),
  },
  {
    label: "loopback",
    list: subnets(new BlockList(), [
      ["127.0.0.0", 8, "ipv4"],
      ["::1", 128, "ipv6"],
    ]),
    opensWith: "allowLoopback",
  },
  {
    label: "private",
    list: subnets(new BlockList(), [
      ["10.0.0.0", 8, "ipv4"],
      ["172.16.0.0", 12, "ipv4"],
      ["192.168.0.0", 16, "ipv4"],
      ["100.64.0.0", 10, "ipv4"],
      ["fc00::", 7, "ipv6"],
    ]),
    opensWith: "allowPrivate",
  },
  {
    label: "link-local",
    list: subnets(new BlockList(), [
      ["169.254.0.0", 16, "ipv4"],
      ["fe80::", 10, "ipv6"],
    ]),
  },
  {
    label: "unspecified, multicast or reserved",
    list: subnets(new BlockList(), [
      ["0.0.0.0", 8, "ipv4"],
      ["224.0.0.0", 4, "ipv4"],
      ["240.0.0.0", 4, "ipv4"],
      ["::", 128, "ipv6"],
      ["ff00::", 8, "ipv6"],
    ]),
  },
];

/**
 * Refuses URLs whose host resolves to an address an outside party should never make us call: our own machine, our own
 * network, the cloud metadata service, link-local and unspecified addresses. A URL is configuration an admin types in;
 * without this check it would be a way to probe or hit internal services. An IPv6 address that embeds an IPv4 one
 * (`::ffff:10.0.0.1`, NAT64, 6to4, Teredo) is judged as the IPv4 address it reaches. A name that does not resolve
 * throws (maybe transient). The address is checked here and resolved again by fetch; a name that changes its answer
 * in between is not caught.
 */
export async function checkDestination(url: string, options: DestinationOptions = {}): Promise<DestinationCheck> {
  const allow = { allowLoopback: options.allowLoopback ?? false, allowPrivate: options.allowPrivate ?? false };
  if (!URL.canParse(url)) return { allowed: false, reason: "The destination is not a valid URL." };
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return { allowed: false, reason: `The destination must be an http or https URL, not ${parsed.protocol}.` };
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  for (const address of addresses) {
    const judged = reachedAddress(address);
    const range = RANGES.find(({ list }) => list.check(judged.address, judged.family));
    if (range && !(range.opensWith && allow[range.opensWith])) {
      const subject = host === address ? "it" : `it resolves to ${address}, which`;
      const what = judged.form ? `embeds ${judged.address} (${judged.form}), ` : "is ";
      return {
        allowed: false,
        reason: `Refused to send to ${host}: ${subject} ${what}a ${range.label} address.${hint(range.opensWith)}`,
      };
    }
  }
  return { allowed: true, addresses };
}

function hint(option: keyof DestinationOptions | undefined): string {
  return option ? ` Set ${SETTINGS[option]}=true to deliver to such addresses.` : "";
}

type Hextets = number[];

// Every IPv6 form that carries an IPv4 address a packet ends up at, and where in the address it sits.
const EMBEDDINGS: { form: string; matches: (h: Hextets) => boolean; ipv4: (h: Hextets) => [number, number] }[] = [
  { form: "IPv4-mapped", matches: (h) => zero(h, 0, 5) && h[5] === 0xffff, ipv4: (h) => [h[6], h[7]] },
  {
    form: "IPv4-translated",
    matches: (h) => zero(h, 0, 4) && h[4] === 0xffff && h[5] === 0,
    ipv4: (h) => [h[6], h[7]],
  },
  // ::/96 without :: and ::1 themselves, which are IPv6's own unspecified and loopback addresses.
  { form: "IPv4-compatible", matches: (h) => zero(h, 0, 6) && (h[6] > 0 || h[7] > 1), ipv4: (h) => [h[6], h[7]] },
  { form: "NAT64", matches: (h) => h[0] === 0x64 && h[1] === 0xff9b && zero(h, 2, 6), ipv4: (h) => [h[6], h[7]] },
  // RFC 8215's local-use prefix: judged by the last 32 bits, where a translator's /96 prefix (the usual) puts it.
  { form: "local NAT64", matches: (h) => h[0] === 0x64 && h[1] === 0xff9b && h[2] === 1, ipv4: (h) => [h[6], h[7]] },
  { form: "6to4", matches: (h) => h[0] === 0x2002, ipv4: (h) => [h[1], h[2]] },
  // The client's address, inverted bit by bit.
  { form: "Teredo", matches: (h) => h[0] === 0x2001 && h[1] === 0, ipv4: (h) => [h[6] ^ 0xffff, h[7] ^ 0xffff] },
];

/** The address to judge: the IPv4 address an IPv6 one embeds, named with its form, or the address itself. */
function reachedAddress(address: string): { address: string; family: "ipv4" | "ipv6"; form?: string } {
  if (isIP(address) === 4) return { address, family: "ipv4" };
  const h = hextets(address);
  const embedding = EMBEDDINGS.find(({ matches }) => matches(h));
  if (!embedding) return { address, family: "ipv6" };
  const [high, low] = embedding.ipv4(h);
  return { address: `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, family: "ipv4", form: embedding.form };
}

/** The eight 16-bit groups of a valid IPv6 address, in any of its spellings (`::` elided, dotted IPv4 tail). */
function hextets(address: string): Hextets {
  let text = address.replace(/%.*$/, "");
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16)));
  const [head, tail] = text.split("::");
  if (tail === undefined) return groups(head);
  const [front, back] = [groups(head), groups(tail)];
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function zero(h: Hextets, from: number, to: number): boolean {
  return h.slice(from, to).every((group) => group === 0);
}
