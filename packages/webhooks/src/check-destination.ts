import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export interface DestinationOptions {
  /** 127.0.0.0/8 and ::1: two services on one machine, development, tests. */
  allowLoopback?: boolean;
  /** 10/8, 172.16/12, 192.168/16, fc00::/7 and CGNAT 100.64/10: services inside one private network. */
  allowPrivate?: boolean;
}

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
 * Refuses URLs whose host resolves to an address an outside party should never make us call: our own network, the
 * cloud metadata service, link-local and unspecified addresses. A URL is configuration an admin types in; without this
 * check it would be a way to probe or hit internal services. A name that does not resolve throws (maybe transient).
 * The address is checked here and resolved again by fetch; a name that changes its answer in between is not caught.
 */
export async function checkDestination(url: string, options: DestinationOptions = {}): Promise<DestinationCheck> {
  const allow = { allowLoopback: options.allowLoopback ?? true, allowPrivate: options.allowPrivate ?? false };
  if (!URL.canParse(url)) return { allowed: false, reason: "The destination is not a valid URL." };
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return { allowed: false, reason: `The destination must be an http or https URL, not ${parsed.protocol}.` };
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  for (const address of addresses) {
    const [plain, family] = unmapIpv4(address);
    const range = RANGES.find(({ list }) => list.check(plain, family));
    if (range && !(range.opensWith && allow[range.opensWith])) {
      const resolved = host === address ? "" : ` resolves to ${address}, which`;
      return {
        allowed: false,
        reason: `Refused to send to ${host}: it${resolved} is a ${range.label} address.${hint(range.opensWith)}`,
      };
    }
  }
  return { allowed: true, addresses };
}

function hint(option: keyof DestinationOptions | undefined): string {
  return option ? ` Set ${option} to deliver to such addresses.` : "";
}

/** `::ffff:10.0.0.1` (or `::ffff:a00:1`) reaches 10.0.0.1 and must be judged as that address. */
function unmapIpv4(address: string): [string, "ipv4" | "ipv6"] {
  if (isIP(address) === 4) return [address, "ipv4"];
  const mapped = /^::ffff:(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!mapped) return [address, "ipv6"];
  if (mapped[1]) return [mapped[1], "ipv4"];
  const high = Number.parseInt(mapped[2], 16);
  const low = Number.parseInt(mapped[3], 16);
  return [`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, "ipv4"];
}
