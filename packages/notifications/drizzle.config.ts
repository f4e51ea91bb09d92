import { defineConfig } from "drizzle-kit";

// Migrations for this package's own tests: its tables plus the outbox it enqueues emails into. The portals generate
// theirs from their schemas.
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/tables.ts", "../webhooks/src/tables.ts"],
  out: "./drizzle-test",
  casing: "snake_case",
});
