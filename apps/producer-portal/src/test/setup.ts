import { freshTestDatabase } from "@lotbridge/db/testing/fresh-test-database";
import { afterAll } from "vitest";
import { closePortal } from "@/server/portal";

const drop = await freshTestDatabase("producer");

afterAll(async () => {
  await closePortal();
  await drop();
});
