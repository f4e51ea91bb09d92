import type { Database } from "@lotbridge/db/database";
import { openTestDatabase, type OpenTestDatabase as TestDatabase } from "@lotbridge/db/testing/open-test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailPreferences } from "./email-preferences";
import { setEmailPreference } from "./set-email-preference";

let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await openTestDatabase("notifications");
  db = database.db;
});
afterAll(() => database.close());

describe("emailPreferences", () => {
  it("gives the member's own choices, the defaults for the rest, and nothing of another membership", async () => {
    await setEmailPreference(db, "mem_ana", "bid.received", false);
    await setEmailPreference(db, "mem_ana", "bid.received", false);
    await setEmailPreference(db, "mem_ana", "lot.expired", true);
    await setEmailPreference(db, "mem_ben", "contract.signed", false);

    const preferences = await emailPreferences(
      db,
      "mem_ana",
      ["bid.received", "lot.expired", "contract.signed", "lot.published"],
      { "bid.received": true, "lot.expired": false, "contract.signed": true },
    );

    expect(preferences).toEqual([
      { type: "bid.received", email: false, isDefault: false },
      { type: "lot.expired", email: true, isDefault: false },
      { type: "contract.signed", email: true, isDefault: true },
      { type: "lot.published", email: false, isDefault: true },
    ]);
  });
});
