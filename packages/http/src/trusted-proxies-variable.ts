import { isIP } from "node:net";
import { z } from "zod";

const MESSAGE =
  "TRUSTED_PROXIES must list the addresses of the reverse proxies in front of the portal, as IPs or CIDR ranges separated by commas (like 127.0.0.1 or 10.0.0.0/8, ::1), or be empty when clients connect directly";

/**
 * `TRUSTED_PROXIES`: only a request whose socket address is one of these has its X-Forwarded-For believed, for the
 * sign-in rate limit. Empty (the default): the socket address, so a client cannot choose the address it is counted by.
 */
export function trustedProxiesVariable() {
  return z
    .string()
    .default("")
    .transform((value, context) => {
      const entries = value
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      for (const entry of entries) {
        const [address = "", prefix, ...rest] = entry.split("/");
        const family = isIP(address);
        const validPrefix =
          prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
        if (!family || !validPrefix || rest.length > 0) {
          context.addIssue({ code: "custom", message: `${MESSAGE}; "${entry}" is not.` });
          return z.NEVER;
        }
      }
      return entries;
    });
}
