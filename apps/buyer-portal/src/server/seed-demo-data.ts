import { countUsers, createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { LotInput } from "@lotbridge/contract/lot";
import type { BuyerDb } from "../db/database";
import { createDraftLot } from "../domain/lots/create-draft-lot";
import { DEMO_PASSWORD, demoBuyerOrganizations } from "./demo-accounts";

const DAY = 24 * 60 * 60 * 1000;

function draft(
  now: Date,
  days: number,
  lot: Omit<LotInput, "biddingDeadline" | "deliveryStart" | "deliveryEnd">,
): LotInput {
  const deadline = new Date(now.getTime() + days * DAY);
  const start = new Date(deadline.getTime() + 30 * DAY);
  const end = new Date(start.getTime() + 30 * DAY);
  return {
    ...lot,
    biddingDeadline: deadline.toISOString(),
    deliveryStart: start.toISOString().slice(0, 10),
    deliveryEnd: end.toISOString().slice(0, 10),
  };
}

/** First start only: demo organizations, users and draft lots. Returns false when the database already has users. */
export async function seedDemoData(db: BuyerDb, now = new Date()): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  const created = [];
  for (const org of demoBuyerOrganizations) {
    created.push(
      await createOrganizationWithUsers(
        db,
        { name: org.name, slug: org.slug },
        org.users.map((u) => ({ ...u, password: DEMO_PASSWORD })),
      ),
    );
  }
  const [north, river] = created;
  const anna = { organizationId: north.organizationId, userId: north.userIds[0] };
  const carla = { organizationId: river.organizationId, userId: river.userIds[0] };
  await createDraftLot(
    db,
    anna,
    draft(now, 14, {
      title: "Milling wheat, harvest 2027",
      commodity: "Wheat",
      description: "Bread-quality milling wheat for the Northfield mill.",
      qualitySpecs: "Protein ≥ 12.5 %, moisture ≤ 14 %, falling number ≥ 250 s, test weight ≥ 76 kg/hl",
      volume: "1200",
      unit: "t",
      minBidVolume: "100",
      partialBidsAllowed: true,
      targetPrice: "236.00",
      currency: "EUR",
      deliveryLocation: "Northfield Mill, Silo 3, Hamburg",
      incoterm: "DAP",
      paymentTerms: "30 days after delivery",
    }),
  );
  await createDraftLot(
    db,
    anna,
    draft(now, 10, {
      title: "Malting barley, spring varieties",
      commodity: "Barley",
      description: "",
      qualitySpecs: "Germination ≥ 95 %, protein 9.5–11.5 %, screenings ≤ 5 %",
      volume: "600",
      unit: "t",
      minBidVolume: "50",
      partialBidsAllowed: true,
      targetPrice: "255.00",
      currency: "EUR",
      deliveryLocation: "Northfield Mill, Hamburg",
      incoterm: "FCA",
      paymentTerms: "14 days after delivery",
    }),
  );
  await createDraftLot(
    db,
    carla,
    draft(now, 21, {
      title: "Yellow maize for feed",
      commodity: "Maize",
      description: "Feed-grade maize, non-GMO certificate required.",
      qualitySpecs: "Moisture ≤ 14.5 %, broken kernels ≤ 4 %, aflatoxin B1 ≤ 5 ppb",
      volume: "2500",
      unit: "t",
      minBidVolume: "250",
      partialBidsAllowed: true,
      targetPrice: null,
      currency: "USD",
      deliveryLocation: "Port of Constanța, berth 80",
      incoterm: "FOB",
      paymentTerms: "Letter of credit at sight",
    }),
  );
  return true;
}
