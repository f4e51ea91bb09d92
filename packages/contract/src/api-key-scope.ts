import { z } from "zod";

/** What an API key may do. A valid key without the scope an operation needs is answered 403. */
export const apiKeyScopes = ["lots:read", "bids:write", "contracts:write"] as const;

export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const apiKeyScopeSchema = z
  .enum(apiKeyScopes, { error: `must be one of ${apiKeyScopes.join(", ")}` })
  .meta({ id: "ApiKeyScope" });
