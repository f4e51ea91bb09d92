import { bidSubmissionSchema } from "@lotbridge/contract/bid-submission";
import type { Contract } from "@lotbridge/contract/contract";
import { contractSchema } from "@lotbridge/contract/contract";
import { DomainError } from "@lotbridge/contract/problem";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { readPdfText } from "@lotbridge/documents/read-pdf-text";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { asc, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { decideBid } from "@/domain/bids/decide-bid";
import { submitBid } from "@/domain/bids/submit-bid";
import { integrationEvents } from "@/integration/integration-tables";
import { issueApiKey } from "@/integration/issue-api-key";
import { portal } from "@/server/portal";
import { bidInput, publishedLot } from "@/test/bids";
import { buyerOrganization, notificationsOf, PUBLIC_URL, storedLot } from "@/test/lots";
import { cancelContract } from "./cancel-contract";
import { completeContract } from "./complete-contract";
import { contractStatusChanges, contracts } from "./contract-table";
import { type ContractReader, findBuyerContractOfBid, findContract } from "./find-contract";
import { signContract } from "./sign-contract";

const change = { publicUrl: PUBLIC_URL };
let platform: { apiKeyId: string; platform: string };
let mill: Awaited<ReturnType<typeof buyerOrganization>>;

beforeAll(async () => {
  const issued = await issueApiKey(portal().db, {
    name: "contracts",
    platform: "producer-portal",
    scopes: ["bids:write", "contracts:write"],
  });
  platform = { apiKeyId: issued.id, platform: "producer-portal" };
  mill = await buyerOrganization("Contract Mill");
});

const buyer = (): ContractReader => ({ party: "buyer", organizationId: mill.organizationId });
const producer = (organizationId: string): ContractReader => ({
  party: "producer",
  caller: { ...platform, organizationId },
});

/** A contract made by the buyer accepting a bid of `organizationId` for all of a 200 t lot. */
async function contractWith(organizationId: string): Promise<Contract> {
  const lot = await publishedLot(mill, { volume: "200" });
  const input = bidSubmissionSchema.parse(bidInput(lot.id, organizationId, { volume: "200", pricePerUnit: "231.125" }));
  const bid = await submitBid(portal().db, platform, input, change);
  await decideBid(portal().db, mill.organizationId, bid.id, { action: "accept" }, change);
  const [row] = await portal().db.select({ id: contracts.id }).from(contracts).where(eq(contracts.bidId, bid.id));
  return findContract(portal().db, buyer(), row.id);
}

const hashOf = async (contract: Contract) => documentHashOf(await renderContractDocument(contract));
const sign = (reader: ContractReader, contract: Contract, documentHash: string) =>
  signContract(
    portal().db,
    { reader, name: "Signer", email: "signer@example.test" },
    contract.id,
    documentHash,
    change,
  );
const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "done",
    (error) => (error instanceof DomainError ? error.code : `unexpected: ${error}`),
  );
const counts = async () => ({
  contracts: await portal().db.select().from(contracts).orderBy(asc(contracts.id)),
  statusChanges: await portal().db.$count(contractStatusChanges),
  events: await portal().db.$count(integrationEvents),
  outbox: await portal().db.$count(outboxMessage),
  notifications: await portal().db.$count(notification),
});

describe("a contract", () => {
  it("is a valid snapshot with the agreed terms and a total computed in decimal", async () => {
    const contract = await contractWith("porg_snapshot");
    expect(contractSchema.parse(contract)).toEqual(contract);
    expect(contract.terms).toMatchObject({ volume: "200.000", pricePerUnit: "231.1250", total: "46225.00" });
    expect(contract.statusHistory.map((h) => h.status)).toEqual(["pending_signature"]);
    expect((await findBuyerContractOfBid(portal().db, mill.organizationId, contract.bidId))?.id).toBe(contract.id);
    const other = await buyerOrganization("Not The Contract Mill");
    expect(await findBuyerContractOfBid(portal().db, other.organizationId, contract.bidId)).toBeUndefined();
  });

  it("becomes active once both parties sign the current document; each signature records its hash", async () => {
    const contract = await contractWith("porg_signs");
    const hash = await hashOf(contract);
    const afterBuyer = await sign(buyer(), contract, hash);
    expect(afterBuyer).toMatchObject({ status: "pending_signature", version: contract.version + 1 });
    const active = await sign(producer("porg_signs"), contract, hash);
    expect(active.status).toBe("active");
    expect(active.signatures.map((s) => [s.party, s.documentHash])).toEqual([
      ["buyer", hash],
      ["producer", hash],
    ]);
    expect(active.statusHistory.map((h) => h.status)).toEqual(["pending_signature", "active"]);
    // The document did not change with the signatures: what was signed is what anyone downloads now.
    expect(await hashOf(active)).toBe(hash);

    const updates = (await portal().db.select().from(integrationEvents).orderBy(asc(integrationEvents.seq)))
      .map((row) => row.envelope as { type: string; data: { id: string; status: string } })
      .filter((e) => e.data.id === contract.id)
      .map((e) => [e.type, e.data.status]);
    expect(updates).toEqual([
      ["contract.created", "pending_signature"],
      ["contract.updated", "pending_signature"],
      ["contract.updated", "active"],
    ]);
    const told = (await notificationsOf(mill.userId)).map((n) => n.title);
    expect(told).toContain(`Farm porg_signs signed contract ${contract.number}`);
    expect(told).toContain(`Contract ${contract.number} is active`);
  });

  it("refuses signing twice, a wrong hash, another producer's contract and a cancelled one, changing nothing", async () => {
    const contract = await contractWith("porg_refusals");
    const hash = await hashOf(contract);
    await sign(buyer(), contract, hash);
    const before = await counts();
    expect(await code(sign(buyer(), contract, hash))).toBe("already-signed");
    expect(await code(sign(producer("porg_refusals"), contract, "0".repeat(64)))).toBe("document-mismatch");
    expect(await code(sign(producer("porg_stranger"), contract, hash))).toBe("not-found");
    expect(await counts()).toEqual(before);

    const other = await contractWith("porg_cancelled");
    await cancelContract(portal().db, mill.organizationId, other.id, "Quality certificate missing.");
    const afterCancel = await counts();
    expect(await code(sign(producer("porg_cancelled"), other, await hashOf(other)))).toBe("contract-not-signable");
    expect(await code(cancelContract(portal().db, mill.organizationId, other.id, "again"))).toBe(
      "contract-not-cancellable",
    );
    expect(await counts()).toEqual(afterCancel);
  });

  it("is completed by the buyer once active, with a note; the document and the lot stay as they were", async () => {
    const contract = await contractWith("porg_completes");
    const hash = await hashOf(contract);
    await sign(buyer(), contract, hash);
    await sign(producer("porg_completes"), contract, hash);
    const lotBefore = await storedLot(contract.lotId);

    const completed = await completeContract(portal().db, mill.organizationId, contract.id, "Delivered 12 May, paid.");
    expect(completed.status).toBe("completed");
    expect(completed.statusHistory.map((h) => [h.status, h.reason])).toEqual([
      ["pending_signature", null],
      ["active", null],
      ["completed", "Delivered 12 May, paid."],
    ]);
    expect(await hashOf(completed)).toBe(hash);
    expect(await storedLot(contract.lotId)).toEqual(lotBefore);
    const [last] = (
      await portal().db.select().from(integrationEvents).orderBy(desc(integrationEvents.seq)).limit(1)
    ).map((row) => row.envelope as { type: string; data: { id: string; status: string; version: number } });
    expect(last).toMatchObject({ type: "contract.updated", data: { id: contract.id, status: "completed" } });
    expect(last.data.version).toBe(completed.version);
  });

  it("refuses completing a contract that is not active, completing twice and another organization's, changing nothing", async () => {
    const awaiting = await contractWith("porg_not_active");
    const before = await counts();
    expect(await code(completeContract(portal().db, mill.organizationId, awaiting.id, ""))).toBe(
      "contract-not-completable",
    );
    const stranger = await buyerOrganization("Completion Stranger");
    expect(await code(completeContract(portal().db, stranger.organizationId, awaiting.id, ""))).toBe("not-found");
    expect(await counts()).toEqual(before);

    const hash = await hashOf(awaiting);
    await sign(buyer(), awaiting, hash);
    await sign(producer("porg_not_active"), awaiting, hash);
    await completeContract(portal().db, mill.organizationId, awaiting.id, "");
    const afterCompletion = await counts();
    expect(await code(completeContract(portal().db, mill.organizationId, awaiting.id, "again"))).toBe(
      "contract-not-completable",
    );
    expect(await code(cancelContract(portal().db, mill.organizationId, awaiting.id, "too late"))).toBe(
      "contract-not-cancellable",
    );
    expect(await counts()).toEqual(afterCompletion);
  });

  it("cancelled before activation returns its volume to the lot, which reopens", async () => {
    const contract = await contractWith("porg_cancel");
    expect(await storedLot(contract.lotId)).toMatchObject({ status: "awarded", allocatedVolume: "200.000" });
    const cancelled = await cancelContract(portal().db, mill.organizationId, contract.id, "Buyer's plant closed.");
    expect(cancelled).toMatchObject({ status: "cancelled", cancellationReason: "Buyer's plant closed." });
    expect(cancelled.statusHistory.at(-1)).toMatchObject({ status: "cancelled", reason: "Buyer's plant closed." });
    expect(await storedLot(contract.lotId)).toMatchObject({ status: "published", allocatedVolume: "0.000" });
  });

  it("renders as a one-page PDF that pdf.js parses, with the number, parties, terms and total", async () => {
    const contract = await contractWith("porg_pdf");
    const pages = await readPdfText(await renderContractDocument(contract));

    expect(pages).toHaveLength(1);
    for (const expected of [
      contract.number,
      "Contract Mill",
      "Farm porg_pdf",
      "200 t",
      "EUR 231.125 / t",
      "EUR 46,225.00",
    ]) {
      expect(pages[0]).toContain(expected);
    }
  });
});
