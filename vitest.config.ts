import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

const portalProject = (name: string) => ({
  resolve: { alias: { "@": resolve(`apps/${name}/src`) } },
  test: {
    name,
    include: [`apps/${name}/src/**/*.test.ts`],
    setupFiles: [`apps/${name}/src/test/setup.ts`],
    // The portals under test call stand-ins of each other on 127.0.0.1.
    env: { LOG_LEVEL: "silent", OUTBOUND_ALLOW_LOOPBACK: "true" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    globalSetup: ["./vitest.global-setup.ts"],
    projects: [
      {
        test: {
          name: "packages",
          include: ["packages/*/src/**/*.test.ts", "scripts/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      portalProject("buyer-portal"),
      portalProject("producer-portal"),
    ],
  },
});
