import { countUsers, createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { LotInput } from "@lotbridge/contract/lot";
import type { BuyerDb } from "../db/database";
import { cancelLot } from "../domain/lots/cancel-lot";
import { closeLot } from "../domain/lots/close-lot";
import { type Actor, createDraftLot } from "../domain/lots/create-draft-lot";
import { publishLot } from "../domain/lots/publish-lot";
import { configureProducerEndpoint } from "../integration/producer-endpoint";
import { DEMO_PASSWORD, demoBuyerOrganizations } from "./demo-accounts";
import { portal } from "./portal";

const DAY = 24 * 60 * 60 * 1000;

type Terms = Omit<LotInput, "biddingDeadline" | "deliveryStart" | "deliveryEnd">;

/** Bidding closes `days` from now at noon UTC; delivery starts a month later and runs for `deliveryDays`. */
function lot(now: Date, days: number, terms: Terms, deliveryDays = 30): LotInput {
  const deadline = new Date(now.getTime() + days * DAY);
  deadline.setUTCHours(12, 0, 0, 0);
  if (deadline <= now) deadline.setTime(deadline.getTime() + DAY);
  const start = new Date(deadline.getTime() + 30 * DAY);
  const end = new Date(start.getTime() + deliveryDays * DAY);
  return {
    ...terms,
    biddingDeadline: deadline.toISOString(),
    deliveryStart: start.toISOString().slice(0, 10),
    deliveryEnd: end.toISOString().slice(0, 10),
  };
}

/**
 * First start only: demo organizations, users and a dozen lots across several commodities — drafts, published lots
 * (through publishLot, so their lot.published events reach the producer portal like any other), a closed and a
 * cancelled one. Returns false when the database already has users.
 *
 * The first platform's webhook endpoint is configured before anything is published: start-up applies it only after
 * the seed, and an event's audience is the endpoints that exist when it is written, so without this the demo lots
 * would reach the producer portal only at its next catch-up on the events feed instead of by webhook.
 */
export async function seedDemoData(
  db: BuyerDb,
  now = new Date(),
  publicUrl = portal().config.PUBLIC_URL,
  producerEndpoint = {
    url: portal().config.PRODUCER_DASHBOARD_WEBHOOK_URL,
    secret: portal().config.PRODUCER_DASHBOARD_WEBHOOK_SECRET,
  },
): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  await configureProducerEndpoint(db, producerEndpoint.url, producerEndpoint.secret);
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
  const anna: Actor = { organizationId: north.organizationId, userId: north.userIds[0] };
  const ben: Actor = { organizationId: north.organizationId, userId: north.userIds[1] };
  const carla: Actor = { organizationId: river.organizationId, userId: river.userIds[0] };
  const draft = (actor: Actor, input: LotInput) => createDraftLot(db, actor, input, now);
  const published = async (actor: Actor, input: LotInput) => {
    const row = await draft(actor, input);
    return publishLot(db, row.id, { actor, publicUrl, now });
  };

  // Drafts: private to their organization.
  await draft(
    anna,
    lot(now, 14, {
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
  await draft(
    anna,
    lot(now, 10, {
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
  await draft(
    carla,
    lot(now, 21, {
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

  // Published: what producers find in their marketplace.
  await published(
    anna,
    lot(now, 7, {
      title: "Durum wheat for pasta semolina",
      commodity: "Wheat",
      description: "Amber durum for the semolina line; GMP+ or equivalent feed-safety certification of the store.",
      qualitySpecs: "Protein ≥ 13 % (d.m.), vitreous kernels ≥ 80 %, test weight ≥ 78 kg/hl, DON ≤ 1,750 ppb",
      volume: "800",
      unit: "t",
      minBidVolume: "100",
      partialBidsAllowed: true,
      targetPrice: "298.50",
      currency: "EUR",
      deliveryLocation: "Northfield Mill, Silo 1, Hamburg",
      incoterm: "DAP",
      paymentTerms: "30 days after delivery",
    }),
  );
  await published(
    ben,
    // Closes within about a day: the lot a buyer has to decide on soon.
    lot(now, 1, {
      title: "Feed barley, winter varieties",
      commodity: "Barley",
      description: "For the compound-feed plant. Deliveries by truck, 25 t per load, booked 48 h ahead.",
      qualitySpecs: "Moisture ≤ 14.5 %, test weight ≥ 62 kg/hl, admixture ≤ 2 %",
      volume: "1500",
      unit: "t",
      minBidVolume: "75",
      partialBidsAllowed: true,
      targetPrice: "189.00",
      currency: "EUR",
      deliveryLocation: "Northfield Feed Plant, Lüneburg",
      incoterm: "DAP",
      paymentTerms: "14 days after delivery",
    }),
  );
  await published(
    anna,
    lot(
      now,
      12,
      {
        title: "Milling oats for flakes",
        commodity: "Oats",
        description: "Husked milling oats for rolled flakes; gluten-free handling not required.",
        qualitySpecs: "Test weight ≥ 52 kg/hl, kernel content ≥ 70 %, moisture ≤ 14 %",
        volume: "300",
        unit: "t",
        minBidVolume: "300",
        partialBidsAllowed: false,
        targetPrice: "215.00",
        currency: "EUR",
        deliveryLocation: "Northfield Mill, Hamburg",
        incoterm: "CPT",
        paymentTerms: "Net 30",
      },
      14,
    ),
  );
  await published(
    carla,
    lot(now, 9, {
      title: "Rapeseed 00 for crushing",
      commodity: "Rapeseed",
      description: "Double-zero rapeseed, sustainability certificate (ISCC EU) required for the whole volume.",
      qualitySpecs: "Oil ≥ 40 % basis 9 % moisture, admixture ≤ 2 %, free fatty acids ≤ 2 %",
      volume: "3000",
      unit: "t",
      minBidVolume: "500",
      partialBidsAllowed: true,
      targetPrice: "468.00",
      currency: "EUR",
      deliveryLocation: "Port of Rouen, silo Senalia",
      incoterm: "FCA",
      paymentTerms: "Cash against documents",
    }),
  );
  await published(
    carla,
    lot(now, 16, {
      title: "Non-GMO soybeans",
      commodity: "Soybeans",
      description: "Danube Soya or Europe Soya certified; identity-preserved from farm to berth.",
      qualitySpecs: "Protein ≥ 35 % (d.m.), oil ≥ 18 %, moisture ≤ 13 %, GMO ≤ 0.1 %",
      volume: "1800",
      unit: "t",
      minBidVolume: "200",
      partialBidsAllowed: true,
      targetPrice: "455.00",
      currency: "USD",
      deliveryLocation: "Port of Constanța, berth 80",
      incoterm: "FOB",
      paymentTerms: "Letter of credit at sight",
    }),
  );
  await published(
    carla,
    lot(now, 20, {
      title: "High-oleic sunflower seed",
      commodity: "Sunflower seed",
      description: "",
      qualitySpecs: "Oleic acid ≥ 82 %, oil ≥ 44 %, moisture ≤ 8 %, impurities ≤ 2 %",
      volume: "1000",
      unit: "t",
      minBidVolume: "100",
      partialBidsAllowed: true,
      targetPrice: null,
      currency: "EUR",
      deliveryLocation: "Riverside crushing plant, Galați",
      incoterm: "DAP",
      paymentTerms: "20 days after delivery",
    }),
  );
  await published(
    carla,
    lot(now, 3, {
      title: "Yellow maize, harvest 2026 carry-over",
      commodity: "Maize",
      description: "Prompt shipment from inland stores.",
      qualitySpecs: "Moisture ≤ 14 %, broken kernels ≤ 3 %, foreign matter ≤ 1 %",
      volume: "5000",
      unit: "t",
      minBidVolume: "1000",
      partialBidsAllowed: true,
      targetPrice: "198.00",
      currency: "USD",
      deliveryLocation: "Port of Constanța, berth 80",
      incoterm: "FOB",
      paymentTerms: "Letter of credit at sight",
    }),
  );

  // Closed by the buyer before its deadline, and a draft that was cancelled.
  const closed = await published(
    carla,
    lot(now, 6, {
      title: "Feed wheat, prompt",
      commodity: "Wheat",
      description: "Bidding closed early: enough offers received.",
      qualitySpecs: "Protein ≥ 11 %, moisture ≤ 14 %, test weight ≥ 72 kg/hl",
      volume: "2000",
      unit: "t",
      minBidVolume: "250",
      partialBidsAllowed: true,
      targetPrice: "205.00",
      currency: "EUR",
      deliveryLocation: "Riverside store, Brăila",
      incoterm: "EXW",
      paymentTerms: "Prepayment 20 %, balance 10 days after loading",
    }),
  );
  await closeLot(db, closed.id, { actor: carla, publicUrl, now });
  const withdrawn = await draft(
    ben,
    lot(now, 8, {
      title: "Organic spelt (withdrawn)",
      commodity: "Spelt",
      description: "Cancelled: the organic line is postponed to next season.",
      qualitySpecs: "EU organic certificate, dehulled, moisture ≤ 14 %",
      volume: "120",
      unit: "t",
      minBidVolume: "20",
      partialBidsAllowed: true,
      targetPrice: "520.00",
      currency: "EUR",
      deliveryLocation: "Northfield Mill, Hamburg",
      incoterm: "DAP",
      paymentTerms: "30 days after delivery",
    }),
  );
  await cancelLot(db, withdrawn.id, { actor: ben, publicUrl, now });
  return true;
}
