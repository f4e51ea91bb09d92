import { z } from "zod";
import { amountString, priceString, volumeString } from "./decimal";
import { deliverySchema } from "./delivery";
import { noDeliveryTerms, qualityParameterViewSchema, toleranceSchema } from "./delivery-terms";
import { documentHash } from "./document-hash";
import { calendarDate, timestamp } from "./iso-time";
import { currencySchema, incotermSchema, lotNumber, unitSchema } from "./lot";
import { parties } from "./offer";
import { prefixedId } from "./prefixed-id";
import { snapshotVersion } from "./snapshot-version";

export const contractStatuses = [
  "pending_signature",
  "active",
  "in_delivery",
  "fulfilled",
  "closed_short",
  "completed",
  "cancelled",
] as const;
export type ContractStatus = (typeof contractStatuses)[number];

export const contractNumber = () =>
  z.string().regex(/^CT-\d{4}-\d{6}$/, { error: "must be a contract number like CT-2026-000123" });

const signatureSchema = z.object({
  party: z.enum(parties),
  signerName: z.string(),
  signerEmail: z.string(),
  signedAt: timestamp(),
  documentHash: documentHash(),
});

/**
 * A contract as the API answers it, and the snapshot contract events carry. It copies the parties, the lot and the
 * accepted terms at the moment of acceptance, so later edits to the lot never change what was agreed.
 */
export const contractSchema = z
  .object({
    id: prefixedId("ct"),
    number: contractNumber().describe("Human contract number, CT-<year>-<6 digits>"),
    status: z
      .enum(contractStatuses)
      .describe(
        "active once both parties signed; in_delivery from the first dispatch or ticket; fulfilled or closed_short at the end (completed: declared fulfilled before deliveries were recorded)",
      ),
    buyer: z.object({ organizationId: z.string(), name: z.string() }),
    producer: z.object({
      organizationId: z.string(),
      name: z.string(),
      contactName: z.string(),
      contactEmail: z.string(),
    }),
    lot: z.object({
      id: prefixedId("lot"),
      number: lotNumber(),
      title: z.string(),
      commodity: z.string(),
      qualitySpecs: z.string(),
    }),
    terms: z.object({
      volume: volumeString(),
      unit: unitSchema,
      pricePerUnit: priceString(),
      currency: currencySchema,
      total: amountString(),
      paymentTerms: z.string(),
      incoterm: incotermSchema,
      deliveryLocation: z.string(),
      deliveryStart: calendarDate(),
      deliveryEnd: calendarDate(),
      tolerance: toleranceSchema.default(noDeliveryTerms.tolerance),
      qualityParameters: z
        .array(qualityParameterViewSchema)
        .default([])
        .describe("Structured quality specs; empty for none"),
    }),
    lotId: prefixedId("lot"),
    bidId: prefixedId("bid"),
    offerId: prefixedId("ofr")
      .nullable()
      .describe("The offer of the thread whose terms were accepted (the bid itself is round 1)"),
    signatures: z.array(signatureSchema).describe("At most one per party"),
    statusHistory: z
      .array(z.object({ status: z.enum(contractStatuses), at: timestamp(), reason: z.string().nullable() }))
      .describe("Every status the contract has had, oldest first"),
    cancellationReason: z.string().nullable(),
    delivery: deliverySchema.describe("Dispatches, weighbridge tickets and the ledger; empty until delivery starts"),
    createdAt: timestamp(),
    updatedAt: timestamp(),
    version: snapshotVersion(),
  })
  .meta({ id: "Contract", description: "The agreement that results from an accepted bid or counter-offer" });

export type Contract = z.infer<typeof contractSchema>;
export type ContractSignature = Contract["signatures"][number];
