/**
 * The demo story (docs/demo-data.md): on the first start with demo data, the demo users play the workflow through
 * both portals' public APIs — producers bid in the producer portal, the buyer decides in the buyer portal — and each
 * step is awaited on the other portal before the next, so both sides show the same story when the sign-ins print.
 */
import { createHash } from "node:crypto";
import type { Bid } from "@lotbridge/contract/bid";
import type { Contract } from "@lotbridge/contract/contract";
import type { Lot } from "@lotbridge/contract/lot";
import type { Offer } from "@lotbridge/contract/offer";
import { playDemoDeliveries } from "./demo-deliveries";
import { readDemoMarker, writeDemoMarker } from "./demo-marker";
import { PortalSession, StoryStop, waitFor } from "./portal-client";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The producer portal's record of a bid (`GET /api/bids/{id}`), as much of it as the story reads. */
interface ProducerBid {
  id: string;
  lotTitle: string;
  state: string;
  buyerBidId: string | null;
  refusalReason: string | null;
  offers: Offer[];
  pendingChange: unknown;
}

interface ProducerContract {
  id: string;
  buyerBidId: string;
  status: Contract["status"];
  pendingChange: unknown;
}

type MarketLot = Lot & { remainingVolume: string };

export interface DemoStoryOptions {
  buyerUrl: string;
  producerUrl: string;
  password: string;
  /** Where the marker lies that says the story was played on this database (docs/demo-data.md, "Once"). */
  markerFile: string;
  say: (line: string) => void;
  /** Multiplies every wait's limit: `next dev` compiles each route on its first request. */
  patience?: number;
}

export type DemoStoryOutcome = "played" | "played before" | "data exists";

/** Plays the story unless it was played on this database, or the demo buyer already has bids (older data). */
export async function playDemoStory(options: DemoStoryOptions): Promise<DemoStoryOutcome> {
  const { buyerUrl, producerUrl, password, say } = options;
  const patience = options.patience ?? 1;
  const limit = 20_000 * patience;
  const began = Date.now();

  const anna = await PortalSession.signIn(buyerUrl, "Anna Keller (buyer portal)", "anna@northfield.example", password);
  const buyerOrganizationId = (await anna.get<{ organization: { id: string } }>("/api/me")).organization.id;
  if (readDemoMarker(options.markerFile)?.buyerOrganizationId === buyerOrganizationId) return "played before";
  const annasLots = (await anna.get<{ data: Lot[] }>("/api/lots")).data;
  for (const lot of annasLots.filter((l) => l.status !== "draft")) {
    if ((await anna.get<{ data: Bid[] }>(`/api/lots/${lot.id}/bids`)).data.length > 0) {
      writeDemoMarker(options.markerFile, { buyerOrganizationId, playedAt: null });
      return "data exists";
    }
  }

  const producer = (name: string, email: string) => PortalSession.signIn(producerUrl, name, email, password);
  const piet = await producer("Piet de Vries (Greenacre Farms)", "piet@greenacre.example");
  const lena = await producer("Lena Brandt (Greenacre Farms)", "lena@greenacre.example");
  const omar = await producer("Omar Haddad (Sun Valley Cooperative)", "omar@sunvalley.example");
  const mira = await producer("Mira Ionescu (Danube Plains Agro)", "mira@danubeplains.example");

  // The seed published these lots in the buyer portal; their lot.published events must have reached the marketplace.
  const titles = {
    durum: "Durum wheat for pasta semolina",
    barley: "Feed barley, winter varieties",
    oats: "Milling oats for flakes",
    rapeseed: "Rapeseed 00 for crushing",
  } as const;
  const market = await waitFor(
    "the demo lots did not reach the producer portal's marketplace",
    async () => {
      const { data } = await piet.get<{ data: MarketLot[] }>("/api/marketplace/lots?limit=100");
      const found = Object.fromEntries(
        Object.entries(titles).map(([key, t]) => [key, data.find((l) => l.title === t)]),
      );
      return Object.values(found).every(Boolean) ? (found as Record<keyof typeof titles, MarketLot>) : undefined;
    },
    limit * 2,
  );

  // ── Bids. The short-dated one goes first, so its validity runs out while the rest of the story plays.
  const placed: { who: PortalSession; bid: ProducerBid; lot: MarketLot }[] = [];
  const place = async (
    who: PortalSession,
    lot: MarketLot,
    terms: { volume: string; pricePerUnit: string; message: string; deliveryTerms?: string; validForMs?: number },
  ) => {
    const bid = await who.post<ProducerBid>(`/api/marketplace/lots/${lot.id}/bids`, {
      volume: terms.volume,
      pricePerUnit: terms.pricePerUnit,
      currency: lot.currency,
      deliveryTerms: terms.deliveryTerms ?? "",
      message: terms.message,
      validUntil: new Date(Date.now() + (terms.validForMs ?? 14 * DAY)).toISOString(),
    });
    placed.push({ who, bid, lot });
    return { who, bid, lot };
  };
  const miraOats = await place(mira, market.oats, {
    volume: "300",
    pricePerUnit: "211.00",
    message: "Spot offer from our Brăila store: valid for a few seconds only, as stocks move fast.",
    validForMs: 8_000,
  });
  const omarOats = await place(omar, market.oats, {
    volume: "300",
    pricePerUnit: "209.00",
    message: "Whole lot from the cooperative's store in Uelzen.",
    deliveryTerms: "Delivered in 12 loads over two weeks",
  });
  const pietOats = await place(piet, market.oats, {
    volume: "300",
    pricePerUnit: "214.50",
    message: "Cleaned and graded oats; kernel content 72 % on our last analysis.",
    deliveryTerms: "CPT Hamburg, from our farm store",
  });
  const miraDurum = await place(mira, market.durum, {
    volume: "300",
    pricePerUnit: "292.00",
    message: "Danube durum, protein 13.6 %, vitreousness 86 %; GMP+ certified store.",
    deliveryTerms: "Barge to Hamburg, then weekly trucks of 25 t",
  });
  await place(omar, market.durum, {
    volume: "200",
    pricePerUnit: "301.50",
    message: "Amber durum from members in the Uckermark.",
  });
  const pietDurum = await place(piet, market.durum, {
    volume: "250",
    pricePerUnit: "305.00",
    message: "Durum from our own fields, stored on farm; analysis certificate with every load.",
    deliveryTerms: "Weekly trucks of 25 t",
  });
  const lenaBarley = await place(lena, market.barley, {
    volume: "400",
    pricePerUnit: "186.50",
    message: "Winter barley, test weight 66 kg/hl.",
    deliveryTerms: "25 t loads, booked 48 h ahead as asked",
  });
  const omarBarley = await place(omar, market.barley, {
    volume: "500",
    pricePerUnit: "194.00",
    message: "Can deliver from next week.",
  });
  await place(mira, market.barley, {
    volume: "300",
    pricePerUnit: "188.00",
    message: "Our offer stands until tomorrow evening.",
    validForMs: 40 * HOUR,
  });
  await place(lena, market.rapeseed, {
    volume: "1000",
    pricePerUnit: "462.00",
    message: "ISCC EU certified for the whole volume.",
  });
  await Promise.all(
    placed.map(({ who, bid }) =>
      waitFor(
        `${who.label}'s bid on "${bid.lotTitle}" did not reach the buyer portal`,
        async () => {
          const now = await who.get<ProducerBid>(`/api/bids/${bid.id}`);
          if (now.state === "refused")
            throw new StoryStop(
              `the buyer portal refused ${who.label}'s bid on "${bid.lotTitle}": ${now.refusalReason}`,
            );
          return now.state !== "sending" && now.buyerBidId ? now : undefined;
        },
        limit,
      ),
    ),
  );
  say(`Demo: ${placed.length} bids placed by 3 producer organizations and received by the buyer portal`);

  const buyerBid = async (placement: { bid: ProducerBid; lot: MarketLot }) => {
    const { data } = await anna.get<{ data: Bid[] }>(`/api/lots/${placement.lot.id}/bids`);
    return data.find((b) => b.externalBidId === placement.bid.id);
  };
  const producerBid = (placement: { who: PortalSession; bid: ProducerBid }) =>
    placement.who.get<ProducerBid>(`/api/bids/${placement.bid.id}`);
  const buyerId = async (placement: { who: PortalSession; bid: ProducerBid; lot: MarketLot }) => {
    const bid = await buyerBid(placement);
    if (!bid) throw new StoryStop(`${placement.who.label}'s bid on "${placement.bid.lotTitle}" is not on the lot`);
    return bid.id;
  };
  const settledOnProducer = (
    placement: { who: PortalSession; bid: ProducerBid },
    what: string,
    done: (bid: ProducerBid) => boolean,
  ) =>
    waitFor(
      `${what} did not reach ${placement.who.label} in the producer portal`,
      async () => {
        const bid = await producerBid(placement);
        return bid.pendingChange === null && done(bid) ? bid : undefined;
      },
      limit,
    );
  const settledOnBuyer = (
    placement: { who: PortalSession; bid: ProducerBid; lot: MarketLot },
    what: string,
    done: (bid: Bid) => boolean,
  ) =>
    waitFor(
      `${what} did not reach the buyer portal`,
      async () => {
        const bid = await buyerBid(placement);
        return bid && done(bid) ? bid : undefined;
      },
      limit,
    );
  const lastOffer = (offers: Offer[]) => offers.at(-1);

  // ── Omar steps back from his oats bid; Anna turns down Omar's barley price.
  await omarOats.who.post(`/api/bids/${omarOats.bid.id}/withdraw`);
  await settledOnBuyer(omarOats, `Omar's withdrawal of his bid on "${titles.oats}"`, (b) => b.status === "withdrawn");
  await settledOnProducer(omarOats, `Omar's withdrawal of his bid on "${titles.oats}"`, (b) => b.state === "withdrawn");
  await anna.put(`/api/bids/${await buyerId(omarBarley)}`, {
    action: "reject",
    reason: "Above our target of EUR 189 per tonne for this lot; we would welcome an offer nearer to it.",
  });
  await settledOnProducer(
    omarBarley,
    `Anna's rejection of Omar's bid on "${titles.barley}"`,
    (b) => b.state === "rejected",
  );
  say("Demo: a bid withdrawn by its producer, a bid rejected by the buyer");

  // ── A negotiation on durum: Anna counters, Piet counters back, Anna counters again; Piet's turn.
  const counter = (price: string, message: string) => ({
    volume: "250",
    pricePerUnit: price,
    deliveryTerms: "Weekly trucks of 25 t",
    message,
    expiresAt: new Date(Date.now() + 3 * DAY).toISOString(),
  });
  const pietDurumId = await buyerId(pietDurum);
  await anna.post(`/api/bids/${pietDurumId}/counter`, counter("296.00", "Close to our target; can you meet us here?"));
  await settledOnProducer(pietDurum, "Anna's counter-offer to Piet", (b) => b.offers.length === 2);
  await piet.post(
    `/api/bids/${pietDurum.bid.id}/counter-offers`,
    counter("301.00", "Haulage went up this month; we can come down to 301."),
  );
  await settledOnBuyer(
    pietDurum,
    "Piet's counter back",
    (b) => b.offers.length === 3 && lastOffer(b.offers)?.fromParty === "producer",
  );
  await anna.post(
    `/api/bids/${pietDurumId}/counter`,
    counter("298.50", "Meet us at our target price and it is yours."),
  );
  await settledOnProducer(
    pietDurum,
    "Anna's second counter-offer to Piet",
    (b) => b.state === "countered" && b.offers.length === 4 && lastOffer(b.offers)?.fromParty === "buyer",
  );
  say("Demo: a negotiation of four rounds, waiting for the producer's answer");

  // ── Contracts: durum with Danube Plains and barley with Greenacre, signed by both, then delivered (demo-deliveries.ts).
  const accept = async (placement: { who: PortalSession; bid: ProducerBid; lot: MarketLot }) => {
    const bidId = await buyerId(placement);
    await anna.put(`/api/bids/${bidId}`, { action: "accept" });
    return waitFor(
      `the contract of ${placement.who.label}'s bid on "${placement.bid.lotTitle}" did not reach the producer portal`,
      async () => {
        const { data } = await placement.who.get<{ data: ProducerContract[] }>("/api/contracts");
        return data.find((c) => c.buyerBidId === bidId);
      },
      limit,
    );
  };
  const signByBoth = async (who: PortalSession, contract: ProducerContract) => {
    await who.post(`/api/contracts/${contract.id}/signatures`);
    await waitFor(
      `${who.label}'s signature on contract ${contract.id} did not reach the buyer portal`,
      async () => {
        const seen = await anna.get<Contract>(`/api/contracts/${contract.id}`);
        return seen.signatures.some((s) => s.party === "producer") ? seen : undefined;
      },
      limit,
    );
    const pdf = await anna.bytes(`/api/contracts/${contract.id}/document`);
    await anna.post(`/api/contracts/${contract.id}/signatures`, {
      documentHash: createHash("sha256").update(pdf).digest("hex"),
    });
    await contractOnProducer(who, contract, "active");
  };
  const contractOnProducer = (who: PortalSession, contract: ProducerContract, status: Contract["status"]) =>
    waitFor(
      `contract ${contract.id} did not become ${status.replace("_", " ")} in the producer portal`,
      async () => {
        const seen = await who.get<ProducerContract>(`/api/contracts/${contract.id}`);
        return seen.status === status ? seen : undefined;
      },
      limit,
    );
  const durumContract = await accept(miraDurum);
  const barleyContract = await accept(lenaBarley);
  await signByBoth(mira, durumContract);
  await signByBoth(lena, barleyContract);
  say("Demo: two contracts signed by both sides");
  await playDemoDeliveries({
    anna,
    mira,
    lena,
    durumContractId: durumContract.id,
    barleyContractId: barleyContract.id,
    limit,
    say,
  });

  // ── Mira's short-dated oats bid runs out (the buyer portal's expiry job), then Piet's whole-lot bid wins the oats.
  await waitFor(
    `Mira's short-dated bid on "${titles.oats}" did not expire and reach the producer portal`,
    async () => ((await producerBid(miraOats)).state === "expired" ? true : undefined),
    30_000 * patience,
  );
  await accept(pietOats);
  say("Demo: a bid expired; the oats lot awarded to one bid, its contract waiting for signatures");

  // ── Piet saves a search; Anna then publishes her milling-wheat draft, which matches it, and Piet is alerted.
  await piet.post("/api/saved-searches", { name: "Milling wheat", q: "milling", commodity: "Wheat" });
  const wheatDraft = annasLots.find((l) => l.status === "draft" && l.title === "Milling wheat, harvest 2027");
  if (wheatDraft) {
    await anna.post(`/api/lots/${wheatDraft.id}/publish`, {});
    await waitFor(
      `Piet's saved search "Milling wheat" was not alerted of "${wheatDraft.title}"`,
      async () => {
        const path = "/api/notifications?type=lot.matches_saved_search&limit=5";
        const { notifications } = await piet.get<{ notifications: unknown[] }>(path);
        return notifications.length > 0 ? true : undefined;
      },
      limit,
    );
    say("Demo: a saved search of Piet's alerted him of a lot Anna published");
  }

  writeDemoMarker(options.markerFile, { buyerOrganizationId, playedAt: new Date().toISOString() });
  say(`Demo: the story is ready (${Math.round((Date.now() - began) / 1000)} s)`);
  return "played";
}
