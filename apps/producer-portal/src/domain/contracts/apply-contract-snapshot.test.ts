import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Contract } from "@lotbridge/contract/contract";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { buyerEvent, contractSnapshot, holdBid, holdBidOfContract, signatureOf } from "@/test/negotiation-snapshots";
import { producerBids } from "../bids/producer-bid-table";
import { producerContracts } from "./producer-contract-table";

const CONTEXT = { publicUrl: "http://localhost:3001" };
let organizationId: string;

const ours = new Set<string>();
/** Receives a contract event on a bid this portal placed (held first, once per bid). */
async function receive(type: "contract.created" | "contract.updated", contract: Contract) {
  if (!ours.has(contract.bidId)) await holdBidOfContract(contract);
  ours.add(contract.bidId);
  return receiveAsIs(type, contract);
}
const receiveAsIs = (type: "contract.created" | "contract.updated", contract: Contract) =>
  portal().db.transaction((tx) => handleBuyerEvent(tx, buyerEvent(type, contract), CONTEXT));
const held = async (id: string) =>
  (await portal().db.select().from(producerContracts).where(eq(producerContracts.id, id)))[0];
const notices = async () =>
  (await portal().db.select().from(notification).where(eq(notification.organizationId, organizationId))).map(
    ({ type, title, link }) => ({ type, title, link }),
  );
const emails = () => portal().db.$count(outboxMessage, eq(outboxMessage.kind, "email"));

/** The contract as it moves on at the buyer portal: each change one version newer. */
const signedByBuyer = (c: Contract): Contract => ({ ...c, signatures: [signatureOf("buyer")], version: 2 });
const active = (c: Contract): Contract => ({
  ...c,
  status: "active",
  signatures: [signatureOf("buyer"), signatureOf("producer")],
  statusHistory: [...c.statusHistory, { status: "active", at: "2026-11-02T10:00:00.000Z", reason: null }],
  version: 3,
});

beforeAll(async () => {
  ({ organizationId } = await createOrganizationWithUsers(
    portal().db,
    { name: "Greenacre", slug: "greenacre-contracts" },
    [{ name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" }],
  ));
});

beforeEach(async () => {
  const { db } = portal();
  await db.delete(producerContracts);
  await db.delete(producerBids);
  ours.clear();
  await db.delete(notification);
  await db.delete(outboxMessage);
});

describe("contract events from the buyer portal", () => {
  it("contract.created stores the organization's contract and asks it to sign, in the app and by email", async () => {
    const contract = contractSnapshot(organizationId);
    await receive("contract.created", contract);
    expect(await held(contract.id)).toMatchObject({
      number: contract.number,
      organizationId,
      buyerBidId: contract.bidId,
      status: "pending_signature",
      version: 1,
      snapshot: contract,
      createdAt: new Date(contract.createdAt),
    });
    expect(await notices()).toEqual([
      {
        type: "contract.created",
        title: `Contract ${contract.number} is ready for your signature`,
        link: `/contracts/${contract.id}`,
      },
    ]);
    expect(await emails()).toBe(1);
  });

  it("contract.updated tells who signed, then that it is active; each once, however often it arrives", async () => {
    const contract = contractSnapshot(organizationId);
    for (const [type, snapshot] of [
      ["contract.created", contract],
      ["contract.updated", signedByBuyer(contract)],
      ["contract.updated", signedByBuyer(contract)],
      ["contract.updated", active(contract)],
      ["contract.updated", active(contract)],
    ] as const) {
      await receive(type, snapshot);
    }
    expect(await held(contract.id)).toMatchObject({ status: "active", version: 3, snapshot: active(contract) });
    expect(await notices()).toEqual([
      expect.objectContaining({ type: "contract.created" }),
      expect.objectContaining({
        type: "contract.signed",
        title: `Northfield Mills signed contract ${contract.number}`,
      }),
      expect.objectContaining({
        type: "contract.active",
        title: `Contract ${contract.number} is active: both parties signed`,
      }),
    ]);
    // The buyer's signature is told in the app only.
    expect(await emails()).toBe(2);
  });

  it("a cancelled contract is told with the buyer's reason", async () => {
    const contract = contractSnapshot(organizationId);
    await receive("contract.created", contract);
    const reason = "The mill closed for repairs.";
    await receive("contract.updated", { ...contract, status: "cancelled", cancellationReason: reason, version: 2 });
    expect(await held(contract.id)).toMatchObject({ status: "cancelled", version: 2 });
    expect((await notices()).at(-1)).toEqual(
      expect.objectContaining({
        type: "contract.cancelled",
        title: `Contract ${contract.number} was cancelled: ${reason}`,
      }),
    );
  });

  it("a completed contract is told once, with the buyer's note, in the app and by email", async () => {
    const contract = contractSnapshot(organizationId);
    const completed: Contract = {
      ...active(contract),
      status: "completed",
      statusHistory: [
        ...active(contract).statusHistory,
        { status: "completed", at: "2026-12-01T10:00:00.000Z", reason: "Delivered 30 November, paid." },
      ],
      version: 4,
    };
    await receive("contract.created", active(contract));
    const emailsBefore = await emails();
    await receive("contract.updated", completed);
    await receive("contract.updated", completed);
    expect(await held(contract.id)).toMatchObject({ status: "completed", version: 4 });
    const [told] = await portal().db.select().from(notification).where(eq(notification.type, "contract.completed"));
    expect(told.title).toBe(`Contract ${contract.number} is completed`);
    expect(told.body).toContain("Northfield Mills recorded it as fulfilled.");
    expect(told.body).toContain("Note: Delivered 30 November, paid.");
    expect((await notices()).filter((n) => n.type === "contract.completed")).toHaveLength(1);
    expect(await emails()).toBe(emailsBefore + 1);
  });

  it("events out of order: the newest snapshot wins, the late older one changes nothing and tells nobody", async () => {
    const contract = contractSnapshot(organizationId);
    await receive("contract.updated", signedByBuyer(contract));
    await receive("contract.created", contract);
    expect(await held(contract.id)).toMatchObject({ version: 2, snapshot: signedByBuyer(contract) });
    // The first news of the contract is that it waits for the producer's signature.
    expect((await notices()).map((n) => n.type)).toEqual(["contract.created"]);

    await receive("contract.updated", active(contract));
    await receive("contract.updated", signedByBuyer(contract));
    expect(await held(contract.id)).toMatchObject({ status: "active", version: 3 });
    expect((await notices()).map((n) => n.type)).toEqual(["contract.created", "contract.active"]);
  });
});

describe("contract events about bids this portal did not place", () => {
  it("a contract on another platform's bid is refused: no contract is stored and nobody is asked to sign", async () => {
    const foreign = contractSnapshot(organizationId);
    expect(await receiveAsIs("contract.created", foreign)).toEqual({
      refused: `Contract ${foreign.id} is on bid ${foreign.bidId}, which was not placed from this portal.`,
    });
    expect(await held(foreign.id)).toBeUndefined();
    expect(await notices()).toEqual([]);
    expect(await emails()).toBe(0);
  });

  it("a contract naming our organization on a bid another organization placed here is refused", async () => {
    const { organizationId: otherId } = await createOrganizationWithUsers(
      portal().db,
      { name: "Hillside", slug: `hillside-${Date.now()}` },
      [],
    );
    const contract = contractSnapshot(otherId);
    await holdBidOfContract(contract);
    const claimed = { ...contract, producer: { ...contract.producer, organizationId } };
    expect(await receiveAsIs("contract.created", claimed)).toEqual({ refused: expect.stringContaining("another") });
    expect(await held(contract.id)).toBeUndefined();
  });

  it("a contract on a lot where our bid is not confirmed yet is not refused for good: it fails, to be tried again", async () => {
    const contract = contractSnapshot(organizationId);
    await holdBid("pbid_unconfirmed", organizationId, contract.lot, "sending");
    await expect(receiveAsIs("contract.created", contract)).rejects.toThrow(/not confirmed here yet/);
    expect(await held(contract.id)).toBeUndefined();
  });
});
