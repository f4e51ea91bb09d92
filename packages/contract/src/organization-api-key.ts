import { z } from "zod";
import { organizationScopeSchema } from "./api-key-scope";
import { fieldError } from "./field-error";
import { timestamp } from "./iso-time";
import { prefixedId } from "./prefixed-id";
import { requiredText } from "./text";

/** `POST /api/organization/api-keys` (the organization's admins): a key for one of the organization's own systems. */
export const newOrganizationKeySchema = z
  .object(
    {
      name: requiredText(100).describe("What the key is for, e.g. the ERP or weighbridge that will hold it"),
      scopes: z
        .array(organizationScopeSchema, { error: "must be a list of scopes" })
        .min(1, { error: "must list at least one scope" })
        .max(4, { error: "must list each scope at most once" })
        .describe("lots:write creates, edits, publishes, closes and cancels the organization's lots and reads them"),
    },
    { error: fieldError("must be a JSON object") },
  )
  .meta({ id: "NewOrganizationKey" });

export type NewOrganizationKey = z.infer<typeof newOrganizationKeySchema>;

/** An organization key as its admins see it; the key itself is never shown again after it was issued. */
export const organizationKeySchema = z
  .object({
    id: prefixedId("key"),
    name: z.string(),
    prefix: z.string().describe("The key's first characters, to tell keys apart; not enough to use it"),
    scopes: z.array(organizationScopeSchema),
    createdAt: timestamp(),
    lastUsedAt: timestamp().nullable(),
    revokedAt: timestamp().nullable(),
  })
  .meta({ id: "OrganizationKey" });

export type OrganizationKey = z.infer<typeof organizationKeySchema>;

/** The answer to issuing a key: the only time the whole key is shown. */
export const issuedOrganizationKeySchema = organizationKeySchema
  .extend({ key: z.string().describe("The key to send as X-API-Key; shown once, store it now") })
  .meta({ id: "IssuedOrganizationKey" });
