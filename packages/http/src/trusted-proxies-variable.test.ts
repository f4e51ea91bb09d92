import { expect, it } from "vitest";
import { trustedProxiesVariable } from "./trusted-proxies-variable";

it("TRUSTED_PROXIES is empty by default and lists IPs and CIDR ranges, IPv4 and IPv6", () => {
  expect(trustedProxiesVariable().parse(undefined)).toEqual([]);
  expect(trustedProxiesVariable().parse(" 127.0.0.1, 10.0.0.0/8 ,::1, fd00::/8 ")).toEqual([
    "127.0.0.1",
    "10.0.0.0/8",
    "::1",
    "fd00::/8",
  ]);
});

it.each(["localhost", "10.0.0.0/33", "::1/129", "10.0.0.1/8/1", "300.1.1.1"])(
  "TRUSTED_PROXIES refuses %j, naming it",
  (entry) => {
    const result = trustedProxiesVariable().safeParse(`127.0.0.1,${entry}`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(`"${entry}" is not`);
  },
);
