import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Contract } from "@lotbridge/contract/contract";
import { documentHashOf } from "@lotbridge/documents/contract-document";
import { renderSettlement, settlementFilename } from "@lotbridge/documents/settlement-document";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { readSettlementDocument } from "@/domain/deliveries/read-settlement-document";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import {
  activeContractSnapshot,
  buyerEvent,
  deliveredContract,
  holdBidOfContract,
  ticketSnapshot,
} from "@/test/negotiation-snapshots";
import { GET as settlement } from "./route";

const ORIGIN = "http://localhost:3001";
let greenacre: string;
let hillside: string;
let greenacreId: string;

const download = (id: string, cookie = greenacre) =>
  call(settlement, `${ORIGIN}/api/contracts/${id}/settlement`, { cookie, params: { id } });

async function hold(type: "contract.updated" | "contract.fulfilled", contract: Contract): Promise<Contract> {
  await holdBidOfContract(contract);
  await portal().db.transaction((tx) => handleBuyerEvent(tx, buyerEvent(type, contract), { publicUrl: ORIGIN }));
  return contract;
}

/**
 * A contract the buyer portal fulfilled: 80 t accepted in two loads, one discounted, and the statement's hash as the
 * buyer portal recorded it (`documentHash`, the real one unless told otherwise).
 */
async function fulfilled(documentHash?: string): Promise<Contract> {
  const active = activeContractSnapshot(greenacreId);
  const delivered = deliveredContract(active, {
    tickets: [
      ticketSnapshot(active, { number: "W-1", grossWeight: "54.000", tareWeight: "14.000" }),
      ticketSnapshot(active, {
        number: "W-2",
        grossWeight: "54.000",
        tareWeight: "14.000",
        measurements: [{ name: "Moisture", value: "15.1" }],
        decision: "accept_with_discount",
        discountKind: "percent",
        discountAmount: "2",
      }),
    ],
  });
  const ended: Contract = {
    ...delivered,
    status: "fulfilled",
    statusHistory: [...delivered.statusHistory, { status: "fulfilled", at: "2027-09-30T12:00:00.000Z", reason: null }],
    version: delivered.version + 1,
  };
  const hash = documentHash ?? documentHashOf(await renderSettlement(ended));
  return {
    ...ended,
    delivery: {
      ...ended.delivery,
      settlement: { issuedAt: "2027-09-30T12:00:00.000Z", documentHash: hash, filename: settlementFilename(ended) },
    },
  };
}

beforeAll(async () => {
  const { db } = portal();
  ({ organizationId: greenacreId } = await createOrganizationWithUsers(
    db,
    { name: "Greenacre", slug: "greenacre-settle" },
    [{ name: "Piet", email: "piet@greenacre-settle.example", password: "correct-horse-battery", role: "member" }],
  ));
  await createOrganizationWithUsers(db, { name: "Hillside", slug: "hillside-settle" }, [
    { name: "Hanna", email: "hanna@hillside-settle.example", password: "correct-horse-battery", role: "member" },
  ]);
  greenacre = await signIn(auth, ORIGIN, "piet@greenacre-settle.example", "correct-horse-battery");
  hillside = await signIn(auth, ORIGIN, "hanna@hillside-settle.example", "correct-horse-battery");
});

describe("the settlement statement", () => {
  it("is the buyer portal's PDF byte for byte, named as it names it, with the hash it recorded", async () => {
    const contract = await hold("contract.fulfilled", await fulfilled());
    const response = await download(contract.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${settlementFilename(contract)}"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(await renderSettlement(contract))).toBe(true);
    expect(documentHashOf(bytes)).toBe(contract.delivery.settlement?.documentHash);
    expect(await readSettlementDocument(portal().db, greenacreId, contract.id)).toMatchObject({
      matches: true,
      hash: contract.delivery.settlement?.documentHash,
    });
  });

  it("says so when the bytes rendered here are not the ones whose hash the buyer portal recorded", async () => {
    const contract = await hold("contract.fulfilled", await fulfilled("0".repeat(64)));
    const document = await readSettlementDocument(portal().db, greenacreId, contract.id);
    expect(document.matches).toBe(false);
    expect(document.issuedHash).toBe("0".repeat(64));
    expect(document.hash).toBe(documentHashOf(await renderSettlement(contract)));
  });

  it("is 404 before the buyer portal issued it, and to another organization", async () => {
    const open = await hold("contract.updated", activeContractSnapshot(greenacreId));
    const missing = await download(open.id);
    expect(missing.status).toBe(404);
    expect((await missing.json()).detail).toBe("Settlement statement was not found.");
    const contract = await hold("contract.fulfilled", await fulfilled());
    expect((await download(contract.id, hillside)).status).toBe(404);
    expect((await download("ct_nosuch")).status).toBe(404);
  });
});
