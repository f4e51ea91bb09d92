import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { CurrentMember } from "@lotbridge/auth/current-member";
import type { Contract } from "@lotbridge/contract/contract";
import { notification } from "@lotbridge/notifications/tables";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import type { SendResult } from "@lotbridge/webhooks/transport";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recordCommandAnswer as recordBuyerAnswer } from "@/integration/answers";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import { buyerEvent, contractSnapshot, holdBidOfContract, signatureOf } from "@/test/negotiation-snapshots";
import { producerContracts } from "./producer-contract-table";
import { signContract } from "./sign-contract";

const PUBLIC_URL = "http://localhost:3001";
let piet: CurrentMember;
let contract: Contract;

const held = async () =>
  (await portal().db.select().from(producerContracts).where(eq(producerContracts.id, contract.id)))[0];
const notices = async () =>
  (await portal().db.select().from(notification).where(eq(notification.organizationId, piet.organizationId))).map(
    ({ type, title, body }) => ({ type, title, body }),
  );

/** Records `result` as the buyer portal's answer to the contract's signature call, as the dispatcher's hooks do. */
async function answer(result: SendResult): Promise<void> {
  const { pendingCallId } = await held();
  const [message] = await portal()
    .db.select()
    .from(outboxMessage)
    .where(eq(outboxMessage.id, pendingCallId ?? ""));
  await portal().db.transaction((tx) => recordBuyerAnswer(tx, PUBLIC_URL, message, result));
}

beforeAll(async () => {
  const created = await createOrganizationWithUsers(portal().db, { name: "Greenacre", slug: "greenacre-sign" }, [
    { name: "Piet", email: "piet@greenacre.example", password: "correct-horse-battery", role: "member" },
  ]);
  piet = {
    userId: created.userIds[0],
    memberId: "mem_piet",
    organizationId: created.organizationId,
    name: "Piet",
    email: "piet@greenacre.example",
    role: "member",
  };
});

beforeEach(async () => {
  await portal().db.delete(producerContracts);
  contract = contractSnapshot(piet.organizationId, { signatures: [signatureOf("buyer")] });
  await holdBidOfContract(contract);
  await portal().db.transaction((tx) =>
    handleBuyerEvent(tx, buyerEvent("contract.created", contract), { publicUrl: PUBLIC_URL }),
  );
  await portal().db.delete(notification);
  await signContract(portal().db, piet, contract.id);
});

describe("the buyer portal's answer to the producer's signature", () => {
  it("a delivered signature applies the answered contract, active now, and tells the organization once", async () => {
    const answered: Contract = {
      ...contract,
      status: "active",
      signatures: [signatureOf("buyer"), signatureOf("producer")],
      version: 2,
    };
    await answer({ outcome: "delivered", status: 201, body: answered });
    expect(await held()).toMatchObject({
      status: "active",
      version: 2,
      snapshot: answered,
      pendingCallId: null,
      pendingChange: null,
    });
    await portal().db.transaction((tx) =>
      handleBuyerEvent(tx, buyerEvent("contract.updated", answered), { publicUrl: PUBLIC_URL }),
    );
    expect((await notices()).map((n) => n.type)).toEqual(["contract.active"]);
  });

  it("a refused signature clears the pending change and tells the organization the buyer's reason", async () => {
    const detail = "The document hash does not match the current contract document.";
    await answer({
      outcome: "refused",
      status: 422,
      body: { type: "urn:lotbridge:problem:document-mismatch", title: "Unprocessable", status: 422, detail },
    });
    expect(await held()).toMatchObject({ status: "pending_signature", version: 1, pendingChange: null });
    expect(await notices()).toEqual([
      { type: "contract.refused", title: `Your signature of contract ${contract.number} was refused`, body: detail },
    ]);
    // Refused, the producer may sign again.
    await expect(signContract(portal().db, piet, contract.id)).resolves.toMatchObject({
      pendingChange: { kind: "signature" },
    });
  });
});
