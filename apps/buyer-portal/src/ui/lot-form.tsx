"use client";

import { defaultDeliveryTerms } from "@lotbridge/contract/delivery-defaults";
import type { Lot } from "@lotbridge/contract/lot";
import { FormField as Field } from "@lotbridge/ui/form-field";
import { FormProblem } from "@lotbridge/ui/form-problem";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { DeliveryTermsFields, draftOf, type TermsDraft, termsBody } from "./delivery-terms-fields";

export interface LotFormOptions {
  units: readonly string[];
  currencies: readonly string[];
  incoterms: readonly string[];
  commodities: readonly string[];
  qualityUnits: readonly string[];
}

/** "2026-12-01T12:00:00.000Z" → "2026-12-01T12:00", the value of a datetime-local input read as UTC. */
const utcInputValue = (iso: string) => iso.slice(0, 16);

/**
 * Creates a draft (no `lot`) or edits a lot. Validation is the API's: every refused field gets its message beside it,
 * so the form and the API can never disagree about what is valid.
 */
export function LotForm({ lot, options }: { lot?: Lot; options: LotFormOptions }) {
  const router = useRouter();
  const submitter = useSubmit();
  const errors = submitter.fieldErrors;
  // A new lot starts from its commodity's usual terms, refilled as the commodity changes until the buyer edits them.
  const [terms, setTerms] = useState<TermsDraft>(() => draftOf(lot ?? defaultDeliveryTerms("")));
  const [termsEdited, setTermsEdited] = useState(Boolean(lot));
  const editTerms = (draft: TermsDraft) => {
    setTerms(draft);
    setTermsEdited(true);
  };
  const commodityChanged = (commodity: string) => {
    if (!termsEdited) setTerms(draftOf(defaultDeliveryTerms(commodity)));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? "");
    const deadline = text("biddingDeadline");
    const body = {
      title: text("title"),
      commodity: text("commodity"),
      description: text("description"),
      qualitySpecs: text("qualitySpecs"),
      volume: text("volume"),
      unit: text("unit"),
      minBidVolume: text("minBidVolume"),
      partialBidsAllowed: form.get("partialBidsAllowed") === "on",
      targetPrice: text("targetPrice").trim() === "" ? null : text("targetPrice"),
      currency: text("currency"),
      deliveryLocation: text("deliveryLocation"),
      incoterm: text("incoterm"),
      deliveryStart: text("deliveryStart"),
      deliveryEnd: text("deliveryEnd"),
      // Read as UTC, as the label says; an empty or partial value goes as typed, for the API to name.
      biddingDeadline: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(deadline) ? `${deadline}:00Z` : deadline,
      paymentTerms: text("paymentTerms"),
      ...termsBody(terms),
    };
    await submitter.send<Lot>(
      {
        url: lot ? `/api/lots/${lot.id}` : "/api/lots",
        method: lot ? "PUT" : "POST",
        headers: lot ? { "if-match": `"${lot.version}"` } : undefined,
        body,
      },
      {
        form: element,
        fieldsMessage: "Nothing was saved. Correct the fields marked below.",
        done: (saved) => {
          router.push(`/lots/${saved.id}`);
          router.refresh();
        },
      },
    );
  }

  const select = (values: readonly string[], current?: string) => (attributes: Record<string, unknown>) => (
    <select {...attributes} defaultValue={current ?? values[0]}>
      {values.map((value) => (
        <option key={value} value={value}>
          {value}
        </option>
      ))}
    </select>
  );

  return (
    <form
      className="card stack"
      onSubmit={submit}
      noValidate
      aria-describedby={submitter.problem ? "lot-form-problem" : undefined}
    >
      <FormProblem submitter={submitter} id="lot-form-problem" />
      <div className="lot-form">
        <Field name="title" label="Title" errors={errors} wide>
          {(a) => <input {...a} defaultValue={lot?.title} maxLength={160} />}
        </Field>
        <Field name="commodity" label="Commodity" errors={errors}>
          {(a) => (
            <>
              <input
                {...a}
                list="commodities"
                defaultValue={lot?.commodity}
                onChange={(event) => commodityChanged(event.target.value)}
              />
              <datalist id="commodities">
                {options.commodities.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field name="deliveryLocation" label="Delivery location" errors={errors}>
          {(a) => <input {...a} defaultValue={lot?.deliveryLocation} />}
        </Field>
        <Field name="description" label="Description" hint="Optional; up to 5000 characters." errors={errors} wide>
          {(a) => <textarea {...a} rows={3} defaultValue={lot?.description} />}
        </Field>
        <Field name="qualitySpecs" label="Quality specifications" errors={errors} wide>
          {(a) => <textarea {...a} rows={3} defaultValue={lot?.qualitySpecs} />}
        </Field>
        <Field name="volume" label="Volume" hint="A decimal number, e.g. 1200 or 12.5" errors={errors}>
          {(a) => <input {...a} inputMode="decimal" defaultValue={lot ? trimZeros(lot.volume) : ""} />}
        </Field>
        <Field name="unit" label="Unit" errors={errors}>
          {select(options.units, lot?.unit)}
        </Field>
        <Field name="minBidVolume" label="Minimum bid volume" errors={errors}>
          {(a) => <input {...a} inputMode="decimal" defaultValue={lot ? trimZeros(lot.minBidVolume) : ""} />}
        </Field>
        <div className="field check">
          <input
            id="partialBidsAllowed"
            name="partialBidsAllowed"
            type="checkbox"
            defaultChecked={lot?.partialBidsAllowed ?? true}
          />
          <label htmlFor="partialBidsAllowed">Partial bids allowed</label>
        </div>
        <Field name="targetPrice" label="Target price per unit" hint="Optional" errors={errors}>
          {(a) => (
            <input {...a} inputMode="decimal" defaultValue={lot?.targetPrice ? trimZeros(lot.targetPrice) : ""} />
          )}
        </Field>
        <Field name="currency" label="Currency" errors={errors}>
          {select(options.currencies, lot?.currency)}
        </Field>
        <Field name="incoterm" label="Incoterm" errors={errors}>
          {select(options.incoterms, lot?.incoterm)}
        </Field>
        <Field name="deliveryStart" label="Delivery from" errors={errors}>
          {(a) => <input {...a} type="date" defaultValue={lot?.deliveryStart} />}
        </Field>
        <Field name="deliveryEnd" label="Delivery until" errors={errors}>
          {(a) => <input {...a} type="date" defaultValue={lot?.deliveryEnd} />}
        </Field>
        <Field name="biddingDeadline" label="Bidding deadline (UTC)" errors={errors}>
          {(a) => <input {...a} type="datetime-local" defaultValue={lot ? utcInputValue(lot.biddingDeadline) : ""} />}
        </Field>
        <Field name="paymentTerms" label="Payment terms" errors={errors} wide>
          {(a) => <input {...a} defaultValue={lot?.paymentTerms} placeholder="e.g. 30 days after delivery" />}
        </Field>
        <DeliveryTermsFields
          draft={terms}
          onChange={editTerms}
          errors={errors}
          units={options.qualityUnits}
          hint={
            termsEdited
              ? undefined
              : "Filled in with the usual terms of the commodity you name; change them as you agree them."
          }
        />
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={submitter.sending}>
          {submitter.sending ? "Saving…" : lot ? "Save changes" : "Save draft"}
        </button>
        <a href={lot ? `/lots/${lot.id}` : "/"}>Cancel</a>
      </div>
    </form>
  );
}

/** "500.000" → "500", "12.500" → "12.5": what a person typed, not the database's scale. */
function trimZeros(decimal: string): string {
  return decimal.includes(".") ? decimal.replace(/0+$/, "").replace(/\.$/, "") : decimal;
}
