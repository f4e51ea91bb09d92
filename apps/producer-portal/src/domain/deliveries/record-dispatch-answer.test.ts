import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { CurrentMember } from "@lotbridge/auth/current-member";
import type { Contract } from "@lotbridge/contract/contract";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import type { SendResult } from "@lotbridge/webhooks/transport";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { producerContracts } from "@/domain/contracts/producer-contract-table";
import { recordCommandAnswer } from "@/integration/answers";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import {
  activeContractSnapshot,
  buyerEvent,
  deliveredContract,
  dispatchSnapshot,
  holdBidOfContract,
} from "@/test/negotiation-snapshots";
import { announceDispatch } from "./announce-dispatch";
import { type ProducerDispatchRow, producerDispatches } from "./producer-dispatch-table";

const PUBLIC_URL = "http://localhost:3001";
let piet: CurrentMember;
let contract: Contract;
let dispatch: ProducerDispatchRow;

const load = { plannedDate: "2027-09-03", vehicleReference: "HH-GA 1042", estimatedWeight: "24", note: "" };
const heldDispatch = async () =>
  (await portal().db.select().from(producerDispatches).where(eq(producerDispatches.id, dispatch.id)))[0];
const heldContract = async () =>
  (await portal().db.select().from(producerContracts).where(eq(producerContracts.id, contract.id)))[0];
const notices = async () =>
  (await portal().db.select().from(notification).where(eq(notification.organizationId, piet.organizationId))).map(
    ({ type, title, body, link }) => ({ type, title, body, link }),
  );
const emails = () =>
  portal().db.$count(
    outboxMessage,
    and(eq(outboxMessage.kind, "email"), eq(outboxMessage.eventType, "delivery.refused")),
  );

/** Records `result` as the buyer portal's answer to the dispatch's call, as the dispatcher's hooks do. */
async function answer(result: SendResult): Promise<void> {
  const [message] = await portal().db.select().from(outboxMessage).where(eq(outboxMessage.id, dispatch.callId));
  await portal().db.transaction((tx) => recordCommandAnswer(tx, PUBLIC_URL, message, result));
}

/** The contract as the buyer portal answers the call: in delivery, with our load as its dispatch. */
const answered = () =>
  deliveredContract(contract, {
    dispatches: [dispatchSnapshot({ id: "dsp_greenacre1042", externalId: dispatch.id })],
  });

beforeAll(async () => {
  const created = await createOrganizationWithUsers(portal().db, { name: "Greenacre", slug: "greenacre-answers" }, [
    { name: "Piet", email: "piet@greenacre-answers.example", password: "correct-horse-battery", role: "member" },
  ]);
  piet = {
    userId: created.userIds[0],
    memberId: "mem_piet",
    organizationId: created.organizationId,
    name: "Piet",
    email: "piet@greenacre-answers.example",
    role: "member",
  };
});

beforeEach(async () => {
  const { db } = portal();
  await db.delete(producerDispatches);
  await db.delete(producerContracts);
  contract = activeContractSnapshot(piet.organizationId);
  await holdBidOfContract(contract);
  await db.transaction((tx) =>
    handleBuyerEvent(tx, buyerEvent("contract.updated", contract), { publicUrl: PUBLIC_URL }),
  );
  await db.delete(notification);
  await db.delete(outboxMessage);
  dispatch = await announceDispatch(db, piet, contract.id, load);
});

describe("the buyer portal's answer to an announced load", () => {
  it("delivered: the dispatch is delivered under the buyer's id and the answered contract applied, telling nothing", async () => {
    await answer({ outcome: "delivered", status: 201, body: answered() });
    expect(await heldDispatch()).toMatchObject({
      status: "delivered",
      buyerDispatchId: "dsp_greenacre1042",
      refusalReason: null,
    });
    expect(await heldContract()).toMatchObject({ status: "in_delivery", version: 4, snapshot: answered() });
    // The event that follows the answer is the same version: it changes nothing and tells nobody.
    await portal().db.transaction((tx) =>
      handleBuyerEvent(tx, buyerEvent("delivery.dispatched", answered()), { publicUrl: PUBLIC_URL }),
    );
    expect(await heldContract()).toMatchObject({ version: 4 });
    expect(await notices()).toEqual([]);
  });

  it("delivered, after the event already brought a newer contract: the dispatch is delivered, the contract kept", async () => {
    const newer = { ...answered(), version: 6 };
    await portal().db.transaction((tx) =>
      handleBuyerEvent(tx, buyerEvent("delivery.dispatched", newer), { publicUrl: PUBLIC_URL }),
    );
    await answer({ outcome: "delivered", status: 201, body: answered() });
    expect(await heldDispatch()).toMatchObject({ status: "delivered", buyerDispatchId: "dsp_greenacre1042" });
    expect(await heldContract()).toMatchObject({ version: 6 });
  });

  it("refused: the dispatch is refused with the buyer's reason and the organization told, in the app and by email", async () => {
    const detail = "Contract CT-2026-000042 is fulfilled; loads can no longer be announced.";
    await answer({
      outcome: "refused",
      status: 409,
      body: { type: "urn:lotbridge:problem:contract-not-deliverable", title: "Conflict", status: 409, detail },
    });
    expect(await heldDispatch()).toMatchObject({ status: "refused", refusalReason: detail, buyerDispatchId: null });
    expect(await notices()).toEqual([
      {
        type: "delivery.refused",
        title: `The load HH-GA 1042 you announced on contract ${contract.number} was refused`,
        body: detail,
        link: `/contracts/${contract.id}`,
      },
    ]);
    expect(await emails()).toBe(1);
    expect(await heldContract()).toMatchObject({ version: 3, status: "active" });
  });

  it("given up after every retry: refused, saying the buyer portal could not be reached", async () => {
    await answer({ outcome: "retry", error: "connect ECONNREFUSED" });
    const held = await heldDispatch();
    expect(held.status).toBe("refused");
    expect(held.refusalReason).toMatch(/could not be reached.*ECONNREFUSED/);
    expect((await notices()).map((n) => n.type)).toEqual(["delivery.refused"]);
  });

  it("an answer recorded twice changes nothing the second time and tells nobody twice", async () => {
    const refusal: SendResult = { outcome: "refused", status: 409, body: { detail: "No." } };
    await answer(refusal);
    await answer(refusal);
    await answer({ outcome: "delivered", status: 201, body: answered() });
    expect(await heldDispatch()).toMatchObject({ status: "refused", refusalReason: "No." });
    expect(await notices()).toHaveLength(1);
  });

  it("an answered contract naming another organization is not applied", async () => {
    const foreign = { ...answered(), producer: { ...contract.producer, organizationId: "org_someone_else" } };
    await answer({ outcome: "delivered", status: 201, body: foreign });
    expect(await heldDispatch()).toMatchObject({ status: "delivered" });
    expect(await heldContract()).toMatchObject({ version: 3, organizationId: piet.organizationId });
  });
});
