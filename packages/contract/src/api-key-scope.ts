import { z } from "zod";

/**
 * What an API key may do. There are two kinds of key with disjoint scopes: a producer platform's key (the platform
 * API: lots it may bid on, its bids, its contracts) and a buyer organization's key (its own systems: its lots, the
 * bids on them, its contracts). A key holds scopes of its own kind only; a valid key without the scope an operation
 * needs is answered 403.
 */
export const platformScopes = ["lots:read", "bids:write", "contracts:write"] as const;

/**
 * `lots:write` also reads the organization's own lots: an ERP that writes lots must see what it wrote.
 * `deliveries:write` records and corrects weighbridge tickets on the organization's contracts (a weighbridge system).
 */
export const organizationScopes = ["lots:write", "bids:read", "contracts:read", "deliveries:write"] as const;

export type PlatformScope = (typeof platformScopes)[number];
export type OrganizationScope = (typeof organizationScopes)[number];
export type ApiKeyScope = PlatformScope | OrganizationScope;

/** The scopes a platform key may hold (the operators' admin API issues these). */
export const apiKeyScopes = platformScopes;

export const apiKeyScopeSchema = z
  .enum(platformScopes, { error: `must be one of ${platformScopes.join(", ")}` })
  .meta({ id: "ApiKeyScope" });

export const organizationScopeSchema = z
  .enum(organizationScopes, { error: `must be one of ${organizationScopes.join(", ")}` })
  .meta({ id: "OrganizationKeyScope" });

/** Whether every scope fits the kind of key; an organization key with `bids:write` would be a platform in disguise. */
export function scopesFitOwner(owner: "platform" | "organization", scopes: readonly string[]): boolean {
  const allowed: readonly string[] = owner === "platform" ? platformScopes : organizationScopes;
  return scopes.every((scope) => allowed.includes(scope));
}
