import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Contract } from "@lotbridge/contract/contract";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { outboxMessage } from "@lotbridge/webhooks/tables";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { producerContracts } from "@/domain/contracts/producer-contract-table";
import { producerDispatches } from "@/domain/deliveries/producer-dispatch-table";
import { handleBuyerEvent } from "@/integration/handle-buyer-event";
import { portal } from "@/server/portal";
import {
  activeContractSnapshot,
  buyerEvent,
  contractSnapshot,
  deliveredContract,
  dispatchSnapshot,
  holdBidOfContract,
} from "@/test/negotiation-snapshots";
import { POST as announce } from "./route";

const ORIGIN = "http://localhost:3001";
let greenacre: string;
let hillside: string;
let greenacreId: string;

const load = { plannedDate: "2027-09-03", vehicleReference: "HH-GA 1042", estimatedWeight: "24.5", note: "Tarp on" };
const announcing = (id: string, body: unknown = load, cookie = greenacre) =>
  call(announce, `${ORIGIN}/api/contracts/${id}/dispatches`, { method: "POST", body, cookie, params: { id } });
/** Calls queued for the buyer portal (notification emails are outbox messages too). */
const calls = () => portal().db.select().from(outboxMessage).where(eq(outboxMessage.kind, "buyer-command"));
const dispatches = () => portal().db.select().from(producerDispatches);

async function hold(contract: Contract): Promise<Contract> {
  await holdBidOfContract(contract);
  await portal().db.transaction((tx) =>
    handleBuyerEvent(tx, buyerEvent("contract.updated", contract), { publicUrl: ORIGIN }),
  );
  return contract;
}

beforeAll(async () => {
  const { db } = portal();
  ({ organizationId: greenacreId } = await createOrganizationWithUsers(
    db,
    { name: "Greenacre", slug: "greenacre-loads" },
    [{ name: "Piet Boer", email: "piet@greenacre-loads.example", password: "correct-horse-battery", role: "member" }],
  ));
  await createOrganizationWithUsers(db, { name: "Hillside", slug: "hillside-loads" }, [
    { name: "Hanna", email: "hanna@hillside-loads.example", password: "correct-horse-battery", role: "member" },
  ]);
  greenacre = await signIn(auth, ORIGIN, "piet@greenacre-loads.example", "correct-horse-battery");
  hillside = await signIn(auth, ORIGIN, "hanna@hillside-loads.example", "correct-horse-battery");
});

beforeEach(async () => {
  const { db } = portal();
  await db.delete(outboxMessage);
  await db.delete(producerDispatches);
  await db.delete(producerContracts);
});

describe("announcing a load", () => {
  it("stores the dispatch as sending and queues the call, the dispatch's id as its Idempotency-Key", async () => {
    const contract = await hold(activeContractSnapshot(greenacreId));
    const response = await announcing(contract.id);
    expect(response.status).toBe(202);
    const answered = await response.json();
    expect(answered).toMatchObject({
      id: expect.stringMatching(/^pdsp_/),
      contractId: contract.id,
      organizationId: greenacreId,
      status: "sending",
      plannedDate: "2027-09-03",
      vehicleReference: "HH-GA 1042",
      estimatedWeight: "24.500",
      note: "Tarp on",
      createdByName: "Piet Boer",
      buyerDispatchId: null,
    });
    const [queued] = await calls();
    expect(queued).toMatchObject({
      id: answered.callId,
      eventType: "dispatch.announce",
      eventId: answered.id,
      payload: { contractId: contract.id, organizationId: greenacreId, dispatch: load },
    });
    expect(await dispatches()).toHaveLength(1);
  });

  it("a contract in delivery takes further loads, each its own dispatch and key", async () => {
    const active = activeContractSnapshot(greenacreId);
    const contract = await hold(deliveredContract(active, { dispatches: [dispatchSnapshot()] }));
    expect(contract.status).toBe("in_delivery");
    expect((await announcing(contract.id)).status).toBe(202);
    expect((await announcing(contract.id, { ...load, vehicleReference: "HH-GA 2" })).status).toBe(202);
    const keys = (await calls()).map((message) => message.eventId);
    expect(new Set(keys).size).toBe(2);
    expect((await dispatches()).map((d) => d.id).sort()).toEqual([...keys].sort());
  });

  it.each([
    ["waiting for signatures", (id: string) => contractSnapshot(id)],
    ["cancelled", (id: string) => contractSnapshot(id, { status: "cancelled", cancellationReason: "Lot withdrawn." })],
    ["fulfilled", (id: string) => activeContractSnapshot(id, { status: "fulfilled" })],
    ["closed short", (id: string) => activeContractSnapshot(id, { status: "closed_short" })],
  ])("a contract %s is 409 contract-not-deliverable, and nothing is stored or queued", async (words, make) => {
    const contract = await hold(make(greenacreId));
    const response = await announcing(contract.id);
    expect(response.status).toBe(409);
    const problem = await response.json();
    expect(problem.type).toBe("urn:lotbridge:problem:contract-not-deliverable");
    expect(problem.detail).toContain(`is ${words}`);
    expect(await dispatches()).toEqual([]);
    expect(await calls()).toEqual([]);
  });

  it("another organization's contract, or none, is 404, and nothing is stored or queued", async () => {
    const contract = await hold(activeContractSnapshot(greenacreId));
    expect((await announcing(contract.id, load, hillside)).status).toBe(404);
    expect((await announcing("ct_nosuch")).status).toBe(404);
    expect(await dispatches()).toEqual([]);
    expect(await calls()).toEqual([]);
  });

  it.each([
    ["plannedDate", { plannedDate: "3 September" }],
    ["plannedDate", { plannedDate: undefined }],
    ["vehicleReference", { vehicleReference: "" }],
    ["vehicleReference", { vehicleReference: "X".repeat(41) }],
    ["estimatedWeight", { estimatedWeight: "0" }],
    ["estimatedWeight", { estimatedWeight: "-3" }],
    ["estimatedWeight", { estimatedWeight: "24,5" }],
    ["note", { note: "x".repeat(501) }],
  ])("bad input is 422 naming %s, and nothing is stored or queued", async (field, change) => {
    const contract = await hold(activeContractSnapshot(greenacreId));
    const messages = await portal().db.$count(outboxMessage);
    const response = await announcing(contract.id, { ...load, ...change });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = await response.json();
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await dispatches()).toEqual([]);
    expect(await portal().db.$count(outboxMessage)).toBe(messages);
  });
});
