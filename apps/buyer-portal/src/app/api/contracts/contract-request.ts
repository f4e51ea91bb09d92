import type { ContractReader } from "@/domain/contracts/find-contract";
import { requireApiKey, requireMember } from "@/server/route";
import { producerCaller } from "../bids/bid-request";

/**
 * A contract is read by either party: the producer platform with a `contracts:write` key naming the producer
 * organization (X-Producer-Organization), or a signed-in user of the buyer organization.
 */
export async function contractReader(
  request: Request,
): Promise<Extract<ContractReader, { party: "producer" }> | BuyerReader> {
  if (request.headers.has("x-api-key") || request.headers.has("authorization")) {
    return { party: "producer", caller: producerCaller(request, await requireApiKey(request, "contracts:write")) };
  }
  const me = await requireMember(request);
  return { party: "buyer", organizationId: me.organizationId, name: me.name, email: me.email };
}

type BuyerReader = Extract<ContractReader, { party: "buyer" }> & { name: string; email: string };
