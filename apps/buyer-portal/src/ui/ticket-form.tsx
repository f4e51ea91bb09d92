"use client";

import type { Contract } from "@lotbridge/contract/contract";
import { compareDecimals, subtractDecimals } from "@lotbridge/contract/decimal";
import type { Ticket } from "@lotbridge/contract/delivery";
import { type DiscountKind, type TicketDecision, ticketDecisions } from "@lotbridge/contract/delivery-kinds";
import type { QualityParameter } from "@lotbridge/contract/delivery-terms";
import { formatDate } from "@lotbridge/format/format-date";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { timeZoneLabel } from "@lotbridge/format/time-zone-label";
import { FormField } from "@lotbridge/ui/form-field";
import { FormProblem } from "@lotbridge/ui/form-problem";
import type { FieldErrors } from "@lotbridge/ui/submit-json";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { describeRange } from "./delivery-wording";
import { isoToZonedInput, zonedInputToIso } from "./zoned-time-input";

/** What the form is for: a new ticket (perhaps for an announced load), or a new version of a recorded one. */
export type TicketFormMode = { kind: "record"; dispatchId: string | null } | { kind: "correct"; ticket: Ticket };

export interface TicketFormProps {
  contract: Pick<Contract, "id" | "terms" | "delivery">;
  mode: TicketFormMode;
  /** The viewer's zone: the received time is typed and shown on its clocks. */
  timeZone: string;
  /** Runs with the contract as the API answered it, once the ticket (or correction) was stored. */
  onDone: (contract: Contract, ticketNumber: string) => void;
  onCancel?: () => void;
}

interface Values {
  ticketNumber: string;
  receivedAt: string;
  dispatchId: string;
  grossWeight: string;
  tareWeight: string;
  /** One per quality parameter of the contract, in its order; "" when not measured. */
  measurements: string[];
  decision: TicketDecision;
  discountKind: DiscountKind;
  discountAmount: string;
  rejectionReason: string;
  note: string;
  reason: string;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** "24.180" → "24.18": a stored decimal as a person types it. */
const typed = (decimal: string | null) =>
  decimal === null ? "" : decimal.includes(".") ? decimal.replace(/0+$/, "").replace(/\.$/, "") : decimal;

function initialValues(mode: TicketFormMode, parameters: QualityParameter[], timeZone: string): Values {
  if (mode.kind === "record") {
    return {
      ticketNumber: "",
      receivedAt: "",
      dispatchId: mode.dispatchId ?? "",
      grossWeight: "",
      tareWeight: "",
      measurements: parameters.map(() => ""),
      decision: "accept",
      discountKind: "per_unit",
      discountAmount: "",
      rejectionReason: "",
      note: "",
      reason: "",
    };
  }
  const { ticket } = mode;
  return {
    ticketNumber: ticket.number,
    receivedAt: isoToZonedInput(ticket.receivedAt, timeZone),
    dispatchId: ticket.dispatchId ?? "",
    grossWeight: typed(ticket.grossWeight),
    tareWeight: typed(ticket.tareWeight),
    measurements: parameters.map((parameter) =>
      typed(ticket.measurements.find((m) => m.name.toLowerCase() === parameter.name.toLowerCase())?.value ?? null),
    ),
    decision: ticket.decision,
    discountKind: ticket.discountKind ?? "per_unit",
    discountAmount: typed(ticket.discountAmount),
    rejectionReason: ticket.rejectionReason,
    note: ticket.note,
    reason: "",
  };
}

/** Whether a typed value is outside the parameter's range; null while it is not a number yet. */
function outOfSpec(parameter: QualityParameter, value: string): boolean | null {
  const trimmed = value.trim();
  if (!DECIMAL.test(trimmed)) return null;
  return (
    (parameter.min !== null && compareDecimals(trimmed, parameter.min) < 0) ||
    (parameter.max !== null && compareDecimals(trimmed, parameter.max) > 0)
  );
}

/** The field an API error names, as this form's fields are named: a measurement's by its parameter, not its place. */
function fieldsOfErrors(errors: FieldErrors, sentParameters: number[]): FieldErrors {
  const shown: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const measurement = /^measurements\.(\d+)\.(name|value|unit)$/.exec(field);
    const parameter = measurement ? sentParameters[Number(measurement[1])] : undefined;
    if (parameter !== undefined) shown[`measurements.${parameter}.value`] ??= message;
    else if (field === "netWeight") shown.grossWeight ??= message;
    else shown[field] ??= message;
  }
  return shown;
}

/**
 * Records a weighbridge ticket (POST /api/contracts/{id}/tickets) or corrects one with a new version and a reason
 * (POST …/tickets/{ticketId}/corrections). Net weight and out-of-spec values are shown as they are typed; the rules
 * are the API's, and every field it refuses gets its message beside it — a measurement's beside its parameter.
 */
export function TicketForm({ contract, mode, timeZone, onDone, onCancel }: TicketFormProps) {
  const { terms, delivery } = contract;
  const parameters = terms.qualityParameters;
  const submitter = useSubmit();
  const [values, setValues] = useState<Values>(() => initialValues(mode, parameters, timeZone));
  const sentParameters = useRef<number[]>([]);
  const firstField = useRef<HTMLInputElement>(null);
  const prefix = mode.kind === "record" ? "ticket" : "correction";
  const problemId = `${prefix}-problem`;
  const outOfSpecId = useId();
  const errors = fieldsOfErrors(submitter.fieldErrors, sentParameters.current);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((now) => ({ ...now, [key]: value }));

  // A new ticket is weighed now, as a rule: filled in the browser, so the server's page and the browser's agree.
  useEffect(() => {
    if (mode.kind === "record") {
      setValues((now) =>
        now.receivedAt ? now : { ...now, receivedAt: isoToZonedInput(new Date().toISOString(), timeZone) },
      );
    }
  }, [mode.kind, timeZone]);

  // Opened for a load or a correction: the first field takes the keyboard.
  useEffect(() => {
    if (mode.kind === "correct" || mode.dispatchId !== null) firstField.current?.focus();
  }, [mode]);

  const gross = values.grossWeight.trim();
  const tare = values.tareWeight.trim();
  const net =
    DECIMAL.test(gross) && DECIMAL.test(tare) && compareDecimals(tare, gross) < 0
      ? formatQuantity(subtractDecimals(gross, tare), terms.unit)
      : "—";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (mode.kind === "correct" && values.reason.trim() === "") {
      submitter.refuse({ reason: "Say why the ticket is corrected: both parties read it." });
      return;
    }
    const measured = parameters.flatMap((parameter, index) =>
      values.measurements[index].trim() === "" ? [] : [{ index, parameter }],
    );
    sentParameters.current = measured.map(({ index }) => index);
    const discounted = values.decision === "accept_with_discount";
    const body = {
      ...(mode.kind === "record" ? { ticketNumber: values.ticketNumber } : { reason: values.reason }),
      receivedAt: zonedInputToIso(values.receivedAt, timeZone),
      dispatchId: values.dispatchId || null,
      grossWeight: gross,
      tareWeight: tare,
      measurements: measured.map(({ index, parameter }) => ({
        name: parameter.name,
        value: values.measurements[index].trim(),
        unit: parameter.unit,
      })),
      decision: values.decision,
      discountKind: discounted ? values.discountKind : null,
      discountAmount: discounted ? values.discountAmount.trim() : null,
      rejectionReason: values.decision === "reject" ? values.rejectionReason : "",
      note: values.note,
    };
    const url =
      mode.kind === "record"
        ? `/api/contracts/${contract.id}/tickets`
        : `/api/contracts/${contract.id}/tickets/${mode.ticket.id}/corrections`;
    await submitter.send<Contract>(
      { url, body },
      {
        form,
        fieldsMessage: "Nothing was recorded. Correct the fields marked below.",
        done: (answer) => onDone(answer, values.ticketNumber),
      },
    );
  }

  const heading =
    mode.kind === "record" ? "Record a weighbridge ticket" : `Correct ticket ${mode.ticket.number} (new version)`;
  const zone = timeZoneLabel(timeZone, new Date());
  return (
    <form
      className="card stack ticket-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${prefix}-heading`}
      aria-describedby={submitter.problem ? problemId : undefined}
    >
      <h3 id={`${prefix}-heading`}>{heading}</h3>
      {mode.kind === "correct" && (
        <p className="muted">
          Version {mode.ticket.version} stays in the ticket's history; the ledger counts the new one.
        </p>
      )}
      <FormProblem submitter={submitter} id={problemId} />
      <div className="ticket-grid">
        {mode.kind === "record" && (
          <FormField name="ticketNumber" label="Ticket number" idPrefix={prefix} errors={errors}>
            {(a) => (
              <input
                {...a}
                ref={firstField}
                value={values.ticketNumber}
                onChange={(e) => set("ticketNumber", e.target.value)}
                maxLength={40}
                autoComplete="off"
              />
            )}
          </FormField>
        )}
        <FormField
          name="receivedAt"
          label={`Received at (${zone})`}
          hint="When the load was weighed."
          idPrefix={prefix}
          errors={errors}
        >
          {(a) => (
            <input
              {...a}
              ref={mode.kind === "correct" ? firstField : undefined}
              type="datetime-local"
              value={values.receivedAt}
              onChange={(e) => set("receivedAt", e.target.value)}
            />
          )}
        </FormField>
        <FormField name="dispatchId" label="Announced load" idPrefix={prefix} errors={errors}>
          {(a) => (
            <select {...a} value={values.dispatchId} onChange={(e) => set("dispatchId", e.target.value)}>
              <option value="">Not announced</option>
              {delivery.dispatches.map((dispatch) => (
                <option key={dispatch.id} value={dispatch.id}>
                  {dispatch.vehicleReference}, planned {formatDate(dispatch.plannedDate)}, about{" "}
                  {formatQuantity(dispatch.estimatedWeight, terms.unit)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField name="grossWeight" label={`Gross weight (${terms.unit})`} idPrefix={prefix} errors={errors}>
          {(a) => (
            <input
              {...a}
              inputMode="decimal"
              value={values.grossWeight}
              onChange={(e) => set("grossWeight", e.target.value)}
            />
          )}
        </FormField>
        <FormField name="tareWeight" label={`Tare weight (${terms.unit})`} idPrefix={prefix} errors={errors}>
          {(a) => (
            <input
              {...a}
              inputMode="decimal"
              value={values.tareWeight}
              onChange={(e) => set("tareWeight", e.target.value)}
            />
          )}
        </FormField>
        <div className="field">
          <span id={`${prefix}-net-label`}>Net weight</span>
          <output aria-labelledby={`${prefix}-net-label`} data-testid={`${prefix}-net`} aria-live="polite">
            {net}
          </output>
          <small>Gross − tare; what is stored.</small>
        </div>
      </div>
      {parameters.length > 0 && (
        <fieldset className="stack">
          <legend>Quality measured</legend>
          {errors.measurements && <p className="error">{errors.measurements}</p>}
          <div className="ticket-grid">
            {parameters.map((parameter, index) => {
              const name = `measurements.${index}.value`;
              const flagged = outOfSpec(parameter, values.measurements[index]);
              const flagId = `${outOfSpecId}-${index}`;
              return (
                <FormField
                  key={parameter.name}
                  name={name}
                  label={`${parameter.name} (${parameter.unit})`}
                  hint={`In spec: ${describeRange(parameter)}. Leave empty if not measured.`}
                  idPrefix={prefix}
                  errors={errors}
                >
                  {(a) => (
                    <>
                      <input
                        {...a}
                        aria-describedby={[a["aria-describedby"], flagged ? flagId : ""].filter(Boolean).join(" ")}
                        inputMode="decimal"
                        value={values.measurements[index]}
                        onChange={(e) =>
                          set(
                            "measurements",
                            values.measurements.map((old, i) => (i === index ? e.target.value : old)),
                          )
                        }
                      />
                      {flagged && (
                        <span id={flagId} className="badge error out-of-spec">
                          Out of spec
                        </span>
                      )}
                    </>
                  )}
                </FormField>
              );
            })}
          </div>
        </fieldset>
      )}
      <fieldset className="stack" aria-describedby={errors.decision ? `${prefix}-decision-error` : undefined}>
        <legend>Decision</legend>
        <div className="row">
          {ticketDecisions.map((decision) => (
            <label key={decision} className="choice">
              <input
                type="radio"
                name={`${prefix}-decision`}
                value={decision}
                checked={values.decision === decision}
                onChange={() => set("decision", decision)}
              />{" "}
              {decision === "accept" ? "Accept" : decision === "reject" ? "Reject" : "Accept with discount"}
            </label>
          ))}
        </div>
        {errors.decision && (
          <p id={`${prefix}-decision-error`} className="error">
            {errors.decision}
          </p>
        )}
        {values.decision === "accept_with_discount" && (
          <div className="ticket-grid">
            <FormField name="discountKind" label="Discount" idPrefix={prefix} errors={errors}>
              {(a) => (
                <select
                  {...a}
                  value={values.discountKind}
                  onChange={(e) => set("discountKind", e.target.value as DiscountKind)}
                >
                  <option value="per_unit">
                    {terms.currency} per {terms.unit} off the price
                  </option>
                  <option value="percent">Percent of the load's value</option>
                </select>
              )}
            </FormField>
            <FormField
              name="discountAmount"
              label={
                values.discountKind === "per_unit"
                  ? `Discount amount (${terms.currency} / ${terms.unit})`
                  : "Discount amount (%)"
              }
              idPrefix={prefix}
              errors={errors}
            >
              {(a) => (
                <input
                  {...a}
                  inputMode="decimal"
                  value={values.discountAmount}
                  onChange={(e) => set("discountAmount", e.target.value)}
                />
              )}
            </FormField>
          </div>
        )}
        {values.decision === "reject" && (
          <FormField
            name="rejectionReason"
            label="Reason for rejecting"
            hint="The producer reads it."
            idPrefix={prefix}
            errors={errors}
          >
            {(a) => (
              <input
                {...a}
                value={values.rejectionReason}
                onChange={(e) => set("rejectionReason", e.target.value)}
                maxLength={500}
              />
            )}
          </FormField>
        )}
      </fieldset>
      <FormField name="note" label="Note (optional)" idPrefix={prefix} errors={errors} wide>
        {(a) => (
          <textarea
            {...a}
            rows={2}
            maxLength={1000}
            value={values.note}
            onChange={(e) => set("note", e.target.value)}
          />
        )}
      </FormField>
      {mode.kind === "correct" && (
        <FormField
          name="reason"
          label="Reason for the correction"
          hint="Kept in the ticket's history; both parties read it."
          idPrefix={prefix}
          errors={errors}
          wide
        >
          {(a) => (
            <textarea
              {...a}
              rows={2}
              maxLength={500}
              required
              value={values.reason}
              onChange={(e) => set("reason", e.target.value)}
            />
          )}
        </FormField>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={submitter.sending}>
          {submitter.sending
            ? "Saving…"
            : mode.kind === "record"
              ? "Save ticket"
              : `Save version ${mode.ticket.version + 1}`}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
