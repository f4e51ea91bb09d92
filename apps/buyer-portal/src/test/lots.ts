import { randomUUID } from "node:crypto";
import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { LotInput } from "@lotbridge/contract/lot";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { asc, eq } from "drizzle-orm";
import type { Actor, MemberActor } from "@/domain/lots/create-draft-lot";
import { createDraftLot } from "@/domain/lots/create-draft-lot";
import { lots } from "@/domain/lots/lot-table";
import { integrationEvents } from "@/integration/integration-tables";
import { portal } from "@/server/portal";

export const PUBLIC_URL = "http://localhost:3000";
export const PASSWORD = "correct-horse-battery";
const DAY = 86_400_000;

/** A valid lot, its deadline a week from `now`. */
export function lotInput(change: Partial<LotInput> = {}, now = new Date()): LotInput {
  return {
    title: "Milling wheat",
    commodity: "Wheat",
    description: "",
    qualitySpecs: "Protein ≥ 12.5 %",
    volume: "500",
    unit: "t",
    minBidVolume: "50",
    partialBidsAllowed: true,
    targetPrice: "236.50",
    currency: "EUR",
    deliveryLocation: "Hamburg",
    incoterm: "DAP",
    deliveryStart: "2027-09-01",
    deliveryEnd: "2027-09-30",
    biddingDeadline: new Date(now.getTime() + 7 * DAY).toISOString(),
    paymentTerms: "30 days after delivery",
    ...change,
  };
}

/** A buyer organization with one admin and one member; the admin acts. */
export async function buyerOrganization(name: string): Promise<MemberActor & { memberUserId: string; slug: string }> {
  const slug = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}`;
  const { organizationId, userIds } = await createOrganizationWithUsers(portal().db, { name, slug }, [
    { name: `${name} admin`, email: `admin@${slug}.example`, password: PASSWORD, role: "admin" },
    { name: `${name} member`, email: `member@${slug}.example`, password: PASSWORD, role: "member" },
  ]);
  return { organizationId, userId: userIds[0], memberUserId: userIds[1], slug };
}

export async function draftLot(actor: Actor, change: Partial<LotInput> = {}) {
  return createDraftLot(portal().db, actor, lotInput(change));
}

export async function storedLot(id: string) {
  const [row] = await portal().db.select().from(lots).where(eq(lots.id, id));
  return row;
}

/** The events sent about one lot, oldest first: [type, version]. */
export async function eventsAbout(lotId: string): Promise<[string, number][]> {
  const rows = await portal().db.select().from(integrationEvents).orderBy(asc(integrationEvents.seq));
  return rows
    .map((row) => row.envelope as { type: string; data: { id?: string; version: number } })
    .filter((envelope) => envelope.data.id === lotId)
    .map((envelope) => [envelope.type, envelope.data.version]);
}

/** Webhooks waiting in the outbox about one lot. */
export async function webhooksAbout(lotId: string): Promise<string[]> {
  const rows = await portal().db.select().from(outboxMessage).where(eq(outboxMessage.kind, "webhook"));
  return rows
    .filter((row) => (row.payload as { data: { id?: string } }).data.id === lotId)
    .map((r) => r.eventType ?? "");
}

export async function notificationsOf(userId: string) {
  return portal().db.select().from(notification).where(eq(notification.recipientUserId, userId));
}
