import { resolve } from "node:path";
import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { grantOperator } from "@lotbridge/auth/grant-operator";
import { apiHandlers, sessionRequests } from "@lotbridge/http/testing/fuzz-requests";
import { FUZZ_TIMEOUT_MS, fuzzRoute, rowCounts } from "@lotbridge/http/testing/fuzz-routes";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { POST as placeBid } from "@/app/api/marketplace/lots/[id]/bids/route";
import { POST as saveSearch } from "@/app/api/saved-searches/route";
import { producerBids } from "@/domain/bids/producer-bid-table";
import { applyLotSnapshot } from "@/domain/marketplace/apply-lot-snapshot";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";
import { activeContractSnapshot, buyerEvent, contractSnapshot, holdBidOfContract } from "@/test/negotiation-snapshots";

// Issue 13: every API route of the producer portal, sent generated requests (real, foreign and hostile ids, hostile
// query text, generic hostile bodies, non-JSON and wrong content types): never a 5xx, and a refusal stores nothing.

const ORIGIN = "http://localhost:3001";
const APP = resolve(import.meta.dirname, "..");
const PASSWORD = "correct-horse-battery";
const DAY = 86_400_000;

/** better-auth's own endpoints (sign-in and the like) have their own tests and rate limits. */
const NOT_FUZZED = ["/api/auth/[...all]"];

/** Tables a refused request may still add or remove rows in, and why. None so far. */
const CHANGED_ON_REFUSAL: Record<string, string> = {};

let cookie: string;
let ids: Record<string, string[]>;

const handlers = await apiHandlers(APP, { skipped: NOT_FUZZED });

beforeAll(async () => {
  const { db } = portal();
  const farm = await createOrganizationWithUsers(db, { name: "Fuzz Farm", slug: "fuzz-farm" }, [
    { name: "Piet", email: "piet@fuzz-farm.example", password: PASSWORD, role: "admin" },
    { name: "Pia", email: "pia@fuzz-farm.example", password: PASSWORD, role: "member" },
  ]);
  const other = await createOrganizationWithUsers(db, { name: "Other Farm", slug: "other-farm" }, [
    { name: "Olga", email: "olga@other-farm.example", password: PASSWORD, role: "admin" },
  ]);
  await grantOperator(db, { email: "piet@fuzz-farm.example", organizationSlug: "fuzz-farm" }, "fuzz test");
  cookie = await signIn(auth, ORIGIN, "piet@fuzz-farm.example", PASSWORD);
  const wheat = lotSnapshot({ volume: "500.000", allocatedVolume: "0.000", minBidVolume: "50.000" });
  await db.transaction((tx) => applyLotSnapshot(tx, lotEvent("lot.published", wheat)));
  const placed = await call(placeBid, `${ORIGIN}/api/marketplace/lots/${wheat.id}/bids`, {
    body: {
      volume: "100",
      pricePerUnit: "240.50",
      currency: "EUR",
      deliveryTerms: "DAP Hamburg, September",
      message: "Harvest 2027",
      validUntil: new Date(Date.now() + 10 * DAY).toISOString(),
    },
    cookie,
    params: { id: wheat.id },
  });
  expect(placed.status).toBe(202);
  const bidId = (await placed.json()).id as string;
  await db.update(producerBids).set({ state: "submitted", buyerBidId: "bid_ofsubmitted", version: 1 });
  // One waiting for signatures, one open for deliveries (so announcing a load reaches its checks), one not ours.
  const contracts = [
    contractSnapshot(farm.organizationId),
    activeContractSnapshot(farm.organizationId),
    contractSnapshot(other.organizationId),
  ];
  for (const contract of contracts) {
    await holdBidOfContract(contract);
    await db.transaction((tx) => handleBuyerEvent(tx, buyerEvent("contract.created", contract), { publicUrl: ORIGIN }));
  }
  const saved = await call(saveSearch, `${ORIGIN}/api/saved-searches`, { body: { name: "Wheat", q: "wheat" }, cookie });
  expect(saved.status).toBe(201);
  const savedSearchId = (await saved.json()).id as string;
  ids = {
    any: [
      wheat.id,
      bidId,
      savedSearchId,
      ...contracts.map((contract) => contract.id),
      "lot_nosuch",
      "pbid_nosuch",
      "ct_nosuch",
      "ss_nosuch",
    ],
    offerId: ["ofr_nosuch"],
    userId: [farm.userIds[1], other.userIds[0], "nosuch"],
  };
});

describe("the producer portal's routes never answer 5xx and store nothing when they refuse", () => {
  it.each(handlers.map((op) => [`${op.method} ${op.route}`, op] as const))(
    "%s",
    async (name, { method, route, handler }) => {
      await fuzzRoute({
        name,
        origin: ORIGIN,
        handler,
        requests: sessionRequests(method, route, cookie, (param) => ids[param] ?? ids.any),
        rowCounts: () => rowCounts(async (text) => (await portal().db.execute(sql.raw(text))).rows),
        changesOnRefusal: CHANGED_ON_REFUSAL,
      });
    },
    FUZZ_TIMEOUT_MS,
  );
});
