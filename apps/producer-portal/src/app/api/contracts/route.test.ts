import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Contract } from "@lotbridge/contract/contract";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { producerContracts } from "@/domain/contracts/producer-contract-table";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { buyerEvent, contractSnapshot, holdBidOfContract, signatureOf } from "@/test/negotiation-snapshots";
import { GET as document } from "./[id]/document/route";
import { GET as readContract } from "./[id]/route";
import { POST as sign } from "./[id]/signatures/route";
import { GET as listContracts } from "./route";

const ORIGIN = "http://localhost:3001";
let greenacre: string;
let hillside: string;
let greenacreId: string;
let hillsideId: string;

const url = (id: string, rest = "") => `${ORIGIN}/api/contracts/${id}${rest}`;
const signing = (id: string, cookie = greenacre) =>
  call(sign, url(id, "/signatures"), { method: "POST", cookie, params: { id } });
/** Calls queued for the buyer portal (the contract's notification emails are outbox messages too). */
const calls = () => portal().db.select().from(outboxMessage).where(eq(outboxMessage.kind, "buyer-command"));

async function hold(contract: Contract): Promise<Contract> {
  await holdBidOfContract(contract);
  await portal().db.transaction((tx) =>
    handleBuyerEvent(tx, buyerEvent("contract.created", contract), { publicUrl: ORIGIN }),
  );
  return contract;
}

beforeAll(async () => {
  const { db } = portal();
  ({ organizationId: greenacreId } = await createOrganizationWithUsers(db, { name: "Greenacre", slug: "greenacre" }, [
    { name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" },
  ]));
  ({ organizationId: hillsideId } = await createOrganizationWithUsers(db, { name: "Hillside", slug: "hillside" }, [
    { name: "Hanna", email: "hanna@hillside.example", password: "correct-horse-battery", role: "member" },
  ]));
  greenacre = await signIn(auth, ORIGIN, "piet@greenacre.example", "correct-horse-battery");
  hillside = await signIn(auth, ORIGIN, "hanna@hillside.example", "correct-horse-battery");
});

beforeEach(async () => {
  await portal().db.delete(outboxMessage);
  await portal().db.delete(producerContracts);
});

describe("reading contracts", () => {
  it("lists the organization's own contracts, newest first", async () => {
    const older = await hold(contractSnapshot(greenacreId, { createdAt: "2026-10-01T10:00:00.000Z" }));
    const newer = await hold(contractSnapshot(greenacreId, { createdAt: "2026-10-05T10:00:00.000Z" }));
    await hold(contractSnapshot(hillsideId));
    const response = await call(listContracts, `${ORIGIN}/api/contracts`, { cookie: greenacre });
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.map((c: { id: string }) => c.id)).toEqual([newer.id, older.id]);
  });

  it("shows one of the organization's contracts, and another organization's is 404", async () => {
    const contract = await hold(contractSnapshot(greenacreId));
    const own = await call(readContract, url(contract.id), { cookie: greenacre, params: { id: contract.id } });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ id: contract.id, number: contract.number, snapshot: contract });
    const theirs = await call(readContract, url(contract.id), { cookie: hillside, params: { id: contract.id } });
    expect(theirs.status).toBe(404);
  });

  it("serves the PDF the buyer portal renders, byte for byte, to its own organization only", async () => {
    const contract = await hold(contractSnapshot(greenacreId));
    const response = await call(document, url(contract.id, "/document"), {
      cookie: greenacre,
      params: { id: contract.id },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="[^"]*${contract.number}[^"]*\\.pdf"$`),
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(documentHashOf(bytes)).toBe(documentHashOf(await renderContractDocument(contract)));
    const theirs = await call(document, url(contract.id, "/document"), {
      cookie: hillside,
      params: { id: contract.id },
    });
    expect(theirs.status).toBe(404);
  });
});

describe("signing a contract", () => {
  it("queues the producer's signature on the document's hash, named after the signed-in member", async () => {
    const contract = await hold(contractSnapshot(greenacreId));
    const response = await signing(contract.id);
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ id: contract.id, pendingChange: { kind: "signature" } });
    const queued = await calls();
    expect(queued).toEqual([
      expect.objectContaining({
        eventType: "contract.sign",
        eventId: expect.stringMatching(/^signature_/),
        payload: {
          contractId: contract.id,
          organizationId: greenacreId,
          signature: {
            signerName: "Piet",
            signerEmail: "piet@greenacre.example",
            documentHash: documentHashOf(await renderContractDocument(contract)),
          },
        },
      }),
    ]);
  });

  it("refuses a second signature while the first is on its way", async () => {
    const contract = await hold(contractSnapshot(greenacreId));
    expect((await signing(contract.id)).status).toBe(202);
    const again = await signing(contract.id);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ type: "urn:lotbridge:problem:signature-pending" });
    expect(await calls()).toHaveLength(1);
  });

  it.each([
    ["already signed by the producer", { signatures: [signatureOf("producer")] }, "already-signed"],
    [
      "active",
      { status: "active" as const, signatures: [signatureOf("buyer"), signatureOf("producer")] },
      "contract-not-pending",
    ],
    ["cancelled", { status: "cancelled" as const, cancellationReason: "Lot withdrawn." }, "contract-not-pending"],
  ])("refuses to sign a contract %s, queueing nothing", async (_, change, code) => {
    const contract = await hold(contractSnapshot(greenacreId, change));
    const response = await signing(contract.id);
    expect(response.status).toBe(409);
    expect((await response.json()).type).toBe(`urn:lotbridge:problem:${code}`);
    expect(await calls()).toHaveLength(0);
  });

  it("another organization's contract is 404, and nothing is queued", async () => {
    const contract = await hold(contractSnapshot(greenacreId));
    expect((await signing(contract.id, hillside)).status).toBe(404);
    expect((await signing("ct_nosuch")).status).toBe(404);
    expect(await calls()).toHaveLength(0);
  });
});
