import { freshTestDatabase } from "@lotbridge/db/fresh-test-database";
import { afterAll } from "vitest";
import { closePortal } from "@/server/portal";

const drop = await freshTestDatabase("buyer");

afterAll(async () => {
  await closePortal();
  await drop();
});
