import { z } from "zod";
import { amountString, compareDecimals, positiveVolume, priceString, volumeString } from "./decimal";
import {
  type DiscountKind,
  discountKinds,
  ledgerEntryKinds,
  type TicketDecision,
  ticketDecisions,
} from "./delivery-kinds";
import { qualityUnits, qualityValue } from "./delivery-terms";
import { fieldError } from "./field-error";
import { calendarDate, timestamp, timestampInput } from "./iso-time";
import { prefixedId } from "./prefixed-id";

// The constants live in delivery-kinds.ts, which imports no zod: the ticket form reads them in the browser.
export * from "./delivery-kinds";

import { optionalText, requiredText } from "./text";

/**
 * `POST /api/contracts/{id}/dispatches`: the producer announces a load (a truck, a container) on an active contract.
 * Weights are in the contract's unit.
 */
export const dispatchInputSchema = z
  .object(
    {
      plannedDate: calendarDate("2026-09-03").describe("The day the load is expected at the delivery location"),
      vehicleReference: requiredText(40).describe("Truck plate, trailer or container number"),
      estimatedWeight: positiveVolume().describe("Expected net weight, in the contract's unit"),
      note: optionalText(500, { multiline: true }),
    },
    { error: fieldError("must be a JSON object") },
  )
  .meta({ id: "DispatchInput", description: "A load the producer announces on an active contract" });

export type DispatchInput = z.infer<typeof dispatchInputSchema>;

/** One measured quality value on a ticket; `name` and `unit` must match one of the contract's quality parameters. */
export const measurementInputSchema = z
  .object(
    {
      name: requiredText(60).describe("A quality parameter of the contract, matched ignoring case"),
      value: qualityValue(),
      unit: z.enum(qualityUnits, { error: `must be one of ${qualityUnits.join(", ")}` }),
    },
    { error: fieldError("must be an object with name, value and unit") },
  )
  .meta({ id: "MeasurementInput" });

/** What a weighbridge ticket records, whether it is the first version or a correction. */
const ticketFields = {
  receivedAt: timestampInput("2026-09-03T09:40:00Z").describe("When the load was weighed"),
  dispatchId: prefixedId("dsp")
    .nullable()
    .default(null)
    .describe("The announced dispatch this load is, if any (one of this contract's)"),
  grossWeight: positiveVolume().describe("Gross weight, in the contract's unit"),
  tareWeight: positiveVolume().describe("Tare weight, in the contract's unit; less than grossWeight"),
  netWeight: volumeString()
    .optional()
    .describe("Optional; when sent it must equal grossWeight − tareWeight, which is what is stored"),
  measurements: z
    .array(measurementInputSchema, { error: "must be a list of measurements" })
    .max(20, { error: "must list at most 20 measurements" })
    .default([]),
  decision: z
    .enum(ticketDecisions, { error: `must be one of ${ticketDecisions.join(", ")}` })
    .describe("accept the load, accept it with a discount, or reject it"),
  discountKind: z
    .enum(discountKinds, { error: `must be one of ${discountKinds.join(", ")}` })
    .nullable()
    .default(null)
    .describe(
      "With accept_with_discount: per_unit (an amount off the price per unit) or percent (of the load's value)",
    ),
  discountAmount: priceString()
    .nullable()
    .default(null)
    .describe("With accept_with_discount: the amount per unit (at most the price) or the percent (at most 100)"),
  rejectionReason: optionalText(500).describe("Required with reject"),
  note: optionalText(1000, { multiline: true }),
};

type DecisionFields = {
  decision: TicketDecision;
  discountKind: DiscountKind | null;
  discountAmount: string | null;
  rejectionReason: string;
  grossWeight: string;
  tareWeight: string;
  netWeight?: string;
};

/** The checks that need more than one field: net = gross − tare, a discount only with its decision, a rejection's reason. */
function ticketRules(ticket: DecisionFields, context: z.RefinementCtx) {
  const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
  if (compareDecimals(ticket.tareWeight, ticket.grossWeight) >= 0) {
    issue("tareWeight", "must be less than grossWeight");
  }
  if (ticket.decision === "accept_with_discount") {
    if (ticket.discountKind === null) issue("discountKind", "is required with accept_with_discount");
    if (ticket.discountAmount === null || compareDecimals(ticket.discountAmount, "0") <= 0) {
      issue("discountAmount", "must be greater than 0 with accept_with_discount");
    } else if (ticket.discountKind === "percent" && compareDecimals(ticket.discountAmount, "100") > 0) {
      issue("discountAmount", "must be at most 100 (percent)");
    }
  } else if (ticket.discountKind !== null || ticket.discountAmount !== null) {
    issue("discountKind", "goes only with accept_with_discount");
  }
  if (ticket.decision === "reject" && ticket.rejectionReason === "")
    issue("rejectionReason", "is required with reject");
}

/** `POST /api/contracts/{id}/tickets`: the buyer's weighbridge records a received load. */
export const ticketInputSchema = z
  .object(
    {
      ticketNumber: requiredText(40).describe("The weighbridge's ticket number; unique within the contract"),
      ...ticketFields,
    },
    { error: fieldError("must be a JSON object") },
  )
  .superRefine(ticketRules)
  .meta({ id: "TicketInput", description: "A received load: weights, quality measured and the buyer's decision" });

export type TicketInput = z.infer<typeof ticketInputSchema>;

/** `POST /api/contracts/{id}/tickets/{ticketId}/corrections`: a new version of a ticket, with why. */
export const ticketCorrectionSchema = z
  .object(
    {
      ...ticketFields,
      reason: requiredText(500).describe("Why the ticket is corrected; kept in the ticket's history"),
    },
    { error: fieldError("must be a JSON object") },
  )
  .superRefine(ticketRules)
  .meta({ id: "TicketCorrection", description: "Every field of the ticket as it should read, and why" });

export type TicketCorrection = z.infer<typeof ticketCorrectionSchema>;

/** `POST /api/contracts/{id}/fulfil` (buyer): the accepted quantity is within the tolerance and the buyer confirms. */
export const fulfilmentInputSchema = z
  .object(
    { note: optionalText(1000, { multiline: true }).describe("Optional; kept in the status history") },
    { error: fieldError("must be a JSON object") },
  )
  .meta({ id: "FulfilmentInput" });

/** `POST /api/contracts/{id}/close-short` (buyer): the contract ends with less than the tolerance allows. */
export const closeShortInputSchema = z
  .object(
    { reason: requiredText(1000, { multiline: true }).describe("Why the contract closes short; both parties read it") },
    { error: fieldError("must be a JSON object") },
  )
  .meta({ id: "CloseShortInput" });

const recordedBy = z
  .object({
    party: z.enum(["buyer", "producer", "system"]),
    name: z.string().describe("The member's name, the API key's name, or the portal's job"),
  })
  .meta({ id: "DeliveryActor" });

export const dispatchSchema = z
  .object({
    id: prefixedId("dsp"),
    externalId: z.string().nullable().describe("The producer platform's own id of the dispatch"),
    plannedDate: calendarDate(),
    vehicleReference: z.string(),
    estimatedWeight: volumeString(),
    note: z.string(),
    announcedAt: timestamp(),
    announcedBy: recordedBy,
    ticketIds: z.array(prefixedId("tkt")).describe("Tickets recorded against this dispatch"),
  })
  .meta({ id: "Dispatch", description: "A load the producer announced: an expected arrival" });

export const measurementSchema = z
  .object({
    name: z.string(),
    unit: z.enum(qualityUnits),
    value: qualityValue(),
    min: qualityValue().nullable(),
    max: qualityValue().nullable(),
    inSpec: z.boolean(),
  })
  .meta({ id: "Measurement" });

/** One version of a ticket: what the weighbridge recorded and what it is worth under the contract. */
const ticketVersionFields = {
  version: z.number().int().min(1),
  receivedAt: timestamp(),
  dispatchId: prefixedId("dsp").nullable(),
  grossWeight: volumeString(),
  tareWeight: volumeString(),
  netWeight: volumeString(),
  measurements: z.array(measurementSchema),
  outOfSpec: z.boolean().describe("Whether any measurement is outside its parameter's range"),
  decision: z.enum(ticketDecisions),
  discountKind: z.enum(discountKinds).nullable(),
  discountAmount: priceString().nullable(),
  rejectionReason: z.string(),
  acceptedQuantity: volumeString().describe(
    "The net weight if the load was accepted (with or without discount), else 0",
  ),
  discount: amountString().describe("The money taken off this load's value"),
  value: amountString().describe("acceptedQuantity × price per unit, rounded half up to cents, − discount"),
  note: z.string(),
  correctionReason: z.string().nullable().describe("Why this version replaced the one before; null for version 1"),
  recordedAt: timestamp(),
  recordedBy: recordedBy,
};

export const ticketVersionSchema = z.object(ticketVersionFields).meta({ id: "TicketVersion" });

export const ticketSchema = z
  .object({
    id: prefixedId("tkt"),
    number: z.string(),
    ...ticketVersionFields,
    history: z.array(ticketVersionSchema).describe("Every earlier version, oldest first; empty if never corrected"),
  })
  .meta({ id: "Ticket", description: "A weighbridge ticket in its current version, with its earlier versions" });

export const ledgerSchema = z
  .object({
    volume: volumeString().describe("The contract's volume"),
    minimum: volumeString().describe("The least accepted quantity that fulfils the contract: volume − tolerance"),
    maximum: volumeString().describe("The most accepted quantity within the tolerance: volume + tolerance"),
    accepted: volumeString().describe("Net weight of every accepted load"),
    remaining: volumeString().describe("volume − accepted, or 0"),
    rejected: volumeString().describe("Net weight of every rejected load"),
    withinTolerance: z.boolean(),
    overTolerance: z.boolean().describe("accepted is more than maximum (only with the tolerance rule flag)"),
    value: amountString().describe("Sum of the tickets' values so far"),
    discounts: amountString(),
    loads: z.number().int().min(0),
    outOfSpecLoads: z.number().int().min(0),
  })
  .meta({ id: "DeliveryLedger" });

export type Ledger = z.infer<typeof ledgerSchema>;

export const ledgerEntrySchema = z
  .object({
    at: timestamp(),
    kind: z.enum(ledgerEntryKinds),
    by: recordedBy,
    dispatchId: prefixedId("dsp").nullable(),
    ticketId: prefixedId("tkt").nullable(),
    accepted: volumeString().describe("The accepted quantity after this change"),
    value: amountString().describe("The value so far after this change"),
    text: z.string().describe('What happened, as people read it, e.g. "Ticket W-1042: 24.18 t accepted"'),
  })
  .meta({ id: "DeliveryLedgerEntry" });

export const settlementSchema = z
  .object({
    issuedAt: timestamp(),
    documentHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("SHA-256 (hex) of the settlement statement PDF"),
    filename: z.string(),
  })
  .meta({ id: "Settlement" });

/** The delivery part of a contract: what both portals show, field for field. */
export const deliverySchema = z
  .object({
    dispatches: z.array(dispatchSchema).describe("Oldest first"),
    tickets: z.array(ticketSchema).describe("In the order they were first recorded"),
    ledger: ledgerSchema,
    entries: z.array(ledgerEntrySchema).describe("Every change of the ledger, oldest first, with who and when"),
    overdueSince: timestamp()
      .nullable()
      .describe("Set once when the delivery window ended with the contract still open for deliveries"),
    settlement: settlementSchema.nullable().describe("The settlement statement, once fulfilled or closed short"),
  })
  .meta({ id: "Delivery" });

export type Delivery = z.infer<typeof deliverySchema>;
export type Dispatch = z.infer<typeof dispatchSchema>;
export type Ticket = z.infer<typeof ticketSchema>;
export type TicketVersion = z.infer<typeof ticketVersionSchema>;
export type Measurement = z.infer<typeof measurementSchema>;
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type DeliveryActor = z.infer<typeof recordedBy>;
