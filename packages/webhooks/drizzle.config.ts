import { defineConfig } from "drizzle-kit";

// Migrations of this package's tables alone, for its own tests; the portals generate theirs from their schemas.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/tables.ts",
  out: "./drizzle-test",
  casing: "snake_case",
});
