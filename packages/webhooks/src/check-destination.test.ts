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

  it("allows public addresses, and loopback unless told otherwise", async () => {
    expect(await checkDestination("https://93.184.215.14/hooks")).toEqual({
      allowed: true,
      addresses: ["93.184.215.14"],
    });
    expect((await checkDestination("http://127.0.0.1:4000/hooks")).allowed).toBe(true);
    expect((await checkDestination("http://localhost:4000/hooks")).allowed).toBe(true);
    const refused = await checkDestination("http://localhost:4000/hooks", { allowLoopback: false });
    expect(refused).toMatchObject({ allowed: false, reason: expect.stringContaining("loopback") });
  });

  it("opens private networks on request, but never the metadata service", async () => {
    expect((await checkDestination("http://10.0.0.7/hooks", { allowPrivate: true })).allowed).toBe(true);
    expect((await checkDestination("http://169.254.169.254/", { allowPrivate: true })).allowed).toBe(false);
    expect((await checkDestination("http://[fd00:ec2::254]/", { allowPrivate: true })).allowed).toBe(false);
  });

  it("refuses what is not an http URL", async () => {
    expect(await checkDestination("file:///etc/passwd")).toMatchObject({ allowed: false });
    expect(await checkDestination("not a url")).toMatchObject({ allowed: false });
  });
});
