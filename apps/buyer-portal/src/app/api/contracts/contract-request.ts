import { eq } from "drizzle-orm";
import type { ContractReader } from "@/domain/contracts/find-contract";
import type { TicketWriter } from "@/domain/deliveries/ticket-writer";
import { authenticateApiKey } from "@/integration/authenticate-api-key";
import { apiKeys } from "@/integration/integration-tables";
import { portal } from "@/server/portal";
import { requireApiKey, requireMember, requireOrganizationKey } from "@/server/route";
import { producerCaller } from "../bids/bid-request";

const presentsKey = (request: Request) => request.headers.has("x-api-key") || request.headers.has("authorization");

/**
 * A contract is signed by either party: the producer platform with a `contracts:write` key naming the producer
 * organization (X-Producer-Organization), or a signed-in user of the buyer organization. An organization key reads
 * contracts but signs none: a signature is a person's.
 */
export async function contractReader(
  request: Request,
): Promise<Extract<ContractReader, { party: "producer" }> | BuyerReader> {
  if (presentsKey(request)) {
    return { party: "producer", caller: producerCaller(request, await requireApiKey(request, "contracts:write")) };
  }
  const me = await requireMember(request);
  return { party: "buyer", organizationId: me.organizationId, name: me.name, email: me.email };
}

/**
 * Who reads a contract (or its PDF): the two parties above, or the buyer organization's own system with a
 * `contracts:read` organization key, which reads exactly what its signed-in members read.
 */
export async function contractViewer(request: Request): Promise<ContractReader> {
  if (!presentsKey(request)) return contractReader(request);
  const key = await authenticateApiKey(portal().db, request.headers, {
    platform: "contracts:write",
    organization: "contracts:read",
  });
  return key.kind === "platform"
    ? { party: "producer", caller: producerCaller(request, key) }
    : { party: "buyer", organizationId: key.organizationId };
}

type BuyerReader = Extract<ContractReader, { party: "buyer" }> & { name: string; email: string };

/**
 * Who records or corrects a weighbridge ticket: a signed-in member of the buyer organization, or the organization's
 * own system (a weighbridge) with a `deliveries:write` organization key, named in the ledger by the key's name.
 * `apiKeyId` is the key's, for its Idempotency-Key; null for a member.
 */
export async function ticketWriter(request: Request): Promise<TicketWriter & { apiKeyId: string | null }> {
  if (presentsKey(request)) {
    const key = await requireOrganizationKey(request, "deliveries:write");
    const [named] = await portal().db.select({ name: apiKeys.name }).from(apiKeys).where(eq(apiKeys.id, key.apiKeyId));
    // A key revoked and deleted since it was checked is still the key that called.
    const name = named?.name ?? "API key";
    return { organizationId: key.organizationId, name, userId: null, apiKeyId: key.apiKeyId };
  }
  const me = await requireMember(request);
  return { organizationId: me.organizationId, name: me.name, userId: me.userId, apiKeyId: null };
}
