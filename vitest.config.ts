import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

const portalProject = (name: string) => ({
  resolve: { alias: { "@": resolve(`apps/${name}/src`) } },
  test: {
    name,
    include: [`apps/${name}/src/**/*.test.ts`],
    setupFiles: [`apps/${name}/src/test/setup.ts`],
    env: { LOG_LEVEL: "silent" },
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
