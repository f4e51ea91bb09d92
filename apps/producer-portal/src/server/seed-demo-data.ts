import { countUsers, createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { ProducerDb } from "../db/database";
import { DEMO_PASSWORD, demoProducerOrganizations } from "./demo-accounts";

/** First start only: demo producer organizations and users. Returns false when the database already has users. */
export async function seedDemoData(db: ProducerDb): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  for (const org of demoProducerOrganizations) {
    await createOrganizationWithUsers(
      db,
      { name: org.name, slug: org.slug },
      org.users.map((u) => ({ ...u, password: DEMO_PASSWORD })),
    );
  }
  return true;
}
