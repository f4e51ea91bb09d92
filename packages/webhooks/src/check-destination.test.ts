import { describe, expect, it } from "vitest";
import { checkDestination } from "./check-destination";

describe("checkDestination", () => {
  it.each([
    ["http://10.0.0.7/hooks", "private"],
    ["http://172.20.1.1/hooks", "private"],
    ["http://192.168.1.10/hooks", "private"],
    ["http://100.64.0.1/hooks", "private"],
    ["http://[fd12:3456::1]/hooks", "private"],
    ["http://169.254.10.10/hooks", "link-local"],
    ["http://[fe80::1]/hooks", "link-local"],
    ["http://169.254.169.254/latest/meta-data", "cloud metadata"],
    ["http://0.0.0.0:3000/hooks", "unspecified"],
    ["http://[::]/hooks", "unspecified"],
    ["http://[::ffff:10.0.0.1]/hooks", "private"],
  ])("refuses %s as a %s address", async (url, label) => {
    const check = await checkDestination(url);
    expect(check.allowed).toBe(false);
    expect(!check.allowed && check.reason).toContain(label);
  });

  it("allows public addresses", async () => {
    expect(await checkDestination("https://93.184.215.14/hooks")).toEqual({
      allowed: true,
      addresses: ["93.184.215.14"],
    });
  });

  it("refuses loopback, by address or by a name that resolves to it, unless allowLoopback is set", async () => {
    for (const url of ["http://127.0.0.1:4000/hooks", "http://127.8.9.10/hooks", "http://[::1]:4000/hooks"]) {
      expect(await checkDestination(url)).toMatchObject({
        allowed: false,
        reason: expect.stringContaining("loopback"),
      });
      expect((await checkDestination(url, { allowLoopback: true })).allowed).toBe(true);
    }
    expect(await checkDestination("http://localhost:4000/hooks")).toEqual({
      allowed: false,
      reason: expect.stringMatching(
        /^Refused to send to localhost: it resolves to (127\.0\.0\.1|::1), which is a loopback address\. Set OUTBOUND_ALLOW_LOOPBACK=true/,
      ),
    });
    expect(await checkDestination("http://localhost:4000/hooks", { allowLoopback: true })).toMatchObject({
      allowed: true,
    });
    // allowPrivate is about other machines; it never opens this one.
    expect((await checkDestination("http://127.0.0.1/hooks", { allowPrivate: true })).allowed).toBe(false);
  });

  it("opens private networks on request, but never the metadata service", async () => {
    expect((await checkDestination("http://10.0.0.7/hooks", { allowPrivate: true })).allowed).toBe(true);
    expect((await checkDestination("http://169.254.169.254/", { allowPrivate: true })).allowed).toBe(false);
    expect((await checkDestination("http://[fd00:ec2::254]/", { allowPrivate: true })).allowed).toBe(false);
  });

  // Each IPv4 address spelled in every IPv6 form that reaches it; every form must be judged as the IPv4 address.
  const embedded = {
    "127.0.0.1": [
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::127.0.0.1",
      "::ffff:0:127.0.0.1",
      "64:ff9b::127.0.0.1",
      "64:ff9b:1::7f00:1",
      "2002:7f00:1::1",
      "2001:0:4136:e378:8000:63bf:80ff:fffe",
    ],
    "10.0.0.1": [
      "::ffff:10.0.0.1",
      "::ffff:a00:1",
      "::10.0.0.1",
      "::ffff:0:10.0.0.1",
      "64:ff9b::10.0.0.1",
      "64:ff9b:1::a00:1",
      "2002:a00:1::1",
      "2001:0:4136:e378:8000:63bf:f5ff:fffe",
    ],
    "169.254.169.254": [
      "::ffff:169.254.169.254",
      "::ffff:a9fe:a9fe",
      "::169.254.169.254",
      "::ffff:0:169.254.169.254",
      "64:ff9b::169.254.169.254",
      "64:ff9b:1::a9fe:a9fe",
      "2002:a9fe:a9fe::1",
      "2001:0:4136:e378:8000:63bf:5601:5601",
    ],
    "192.168.1.1": [
      "::ffff:192.168.1.1",
      "::ffff:c0a8:101",
      "::192.168.1.1",
      "::ffff:0:192.168.1.1",
      "64:ff9b::192.168.1.1",
      "64:ff9b:1::c0a8:101",
      "2002:c0a8:101::1",
      "2001:0:4136:e378:8000:63bf:3f57:fefe",
    ],
    "93.184.216.34": [
      "::ffff:93.184.216.34",
      "::ffff:5db8:d822",
      "::93.184.216.34",
      "::ffff:0:93.184.216.34",
      "64:ff9b::93.184.216.34",
      "64:ff9b:1::5db8:d822",
      "2002:5db8:d822::1",
      "2001:0:4136:e378:8000:63bf:a247:27dd",
    ],
  };
  // What each address gets, with loopback refused and with loopback allowed: allowed, or refused as a … address.
  const verdicts: Record<string, [string, string]> = {
    "127.0.0.1": ["loopback", "allowed"],
    "10.0.0.1": ["private", "private"],
    "169.254.169.254": ["cloud metadata", "cloud metadata"],
    "192.168.1.1": ["private", "private"],
    "93.184.216.34": ["allowed", "allowed"],
  };
  const cases = Object.entries(embedded).flatMap(([ipv4, forms]) =>
    [ipv4, ...forms].flatMap((address) =>
      [false, true].map((allowLoopback) => ({ ipv4, address, allowLoopback, verdict: verdicts[ipv4][+allowLoopback] })),
    ),
  );
  cases.push(
    { ipv4: "", address: "::1", allowLoopback: false, verdict: "loopback" },
    { ipv4: "", address: "::1", allowLoopback: true, verdict: "allowed" },
    { ipv4: "", address: "2606:2800:220:1:248:1893:25c8:1946", allowLoopback: false, verdict: "allowed" },
    { ipv4: "", address: "2606:2800:220:1:248:1893:25c8:1946", allowLoopback: true, verdict: "allowed" },
  );

  it.each(cases)("judges $address with allowLoopback $allowLoopback: $verdict", async (c) => {
    const host = c.address.includes(":") ? `[${c.address}]` : c.address;
    const check = await checkDestination(`http://${host}:4000/hooks`, { allowLoopback: c.allowLoopback });
    if (c.verdict === "allowed") {
      expect(check.allowed).toBe(true);
    } else {
      expect(check).toMatchObject({ allowed: false, reason: expect.stringContaining(`a ${c.verdict} address`) });
      if (c.ipv4 && c.address !== c.ipv4) expect(!check.allowed && check.reason).toContain(`embeds ${c.ipv4}`);
    }
  });

  it("refuses what is not an http URL", async () => {
    expect(await checkDestination("file:///etc/passwd")).toMatchObject({ allowed: false });
    expect(await checkDestination("not a url")).toMatchObject({ allowed: false });
  });
});
