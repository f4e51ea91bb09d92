"use client";

import type { DeliveryTerms, QualityParameter, Tolerance } from "@lotbridge/contract/delivery-terms";
import { FormField as Field } from "@lotbridge/ui/form-field";
import type { FieldErrors } from "@lotbridge/ui/submit-json";
import "./delivery-terms-fields.css";

/** One row of the quality parameters editor, as typed: a blank limit is no limit. */
export interface ParameterRow {
  key: number;
  name: string;
  unit: string;
  min: string;
  max: string;
}

/** The delivery terms as the form holds them while the buyer edits. */
export interface TermsDraft {
  percent: string;
  option: Tolerance["option"];
  beyond: Tolerance["beyond"];
  parameters: ParameterRow[];
}

let nextRowKey = 0;
const rowOf = (parameter: QualityParameter | null): ParameterRow => ({
  key: nextRowKey++,
  name: parameter?.name ?? "",
  unit: parameter?.unit ?? "%",
  min: parameter?.min ?? "",
  max: parameter?.max ?? "",
});

/** "5.00" → "5": what a person types, not the database's scale. */
const typed = (decimal: string) => (decimal.includes(".") ? decimal.replace(/0+$/, "").replace(/\.$/, "") : decimal);

/** The form's draft of stored or default terms. */
export function draftOf(terms: DeliveryTerms): TermsDraft {
  return {
    percent: typed(terms.tolerance.percent),
    option: terms.tolerance.option,
    beyond: terms.tolerance.beyond,
    parameters: terms.qualityParameters.map(rowOf),
  };
}

/** What the API is sent: every row as typed, for the API to name what it refuses; a blank limit as null. */
export function termsBody(draft: TermsDraft) {
  const limit = (value: string) => (value.trim() === "" ? null : value);
  return {
    tolerance: { percent: draft.percent, option: draft.option, beyond: draft.beyond },
    qualityParameters: draft.parameters.map((row) => ({
      name: row.name,
      unit: row.unit,
      min: limit(row.min),
      max: limit(row.max),
    })),
  };
}

const MAX_ROWS = 20;

/**
 * The lot form's delivery tolerance and quality parameters. Field names are the API's paths (`tolerance.percent`,
 * `qualityParameters.1.name`), so each refusal shows beside its control.
 */
export function DeliveryTermsFields({
  draft,
  onChange,
  errors,
  units,
  hint,
}: {
  draft: TermsDraft;
  onChange: (draft: TermsDraft) => void;
  errors: FieldErrors;
  units: readonly string[];
  hint?: string;
}) {
  const set = (change: Partial<TermsDraft>) => onChange({ ...draft, ...change });
  const setRow = (index: number, change: Partial<ParameterRow>) =>
    set({ parameters: draft.parameters.map((row, i) => (i === index ? { ...row, ...change } : row)) });
  const listError = errors.qualityParameters;
  const toleranceError = errors.tolerance;
  return (
    <>
      <fieldset className="wide delivery-terms" aria-describedby={hint ? "delivery-terms-hint" : undefined}>
        <legend>Delivery tolerance</legend>
        {hint && (
          <p id="delivery-terms-hint" className="muted">
            {hint}
          </p>
        )}
        {toleranceError && <p className="error">{toleranceError}</p>}
        <div className="delivery-terms-row">
          <Field name="tolerance.percent" label="Tolerance (± % of the volume)" hint="0 to 20, e.g. 5" errors={errors}>
            {(a) => (
              <input
                {...a}
                inputMode="decimal"
                size={6}
                value={draft.percent}
                onChange={(event) => set({ percent: event.target.value })}
              />
            )}
          </Field>
          <Field name="tolerance.option" label="Quantity within the tolerance at" errors={errors}>
            {(a) => (
              <select
                {...a}
                value={draft.option}
                onChange={(event) => set({ option: event.target.value as Tolerance["option"] })}
              >
                <option value="seller">seller's option</option>
                <option value="buyer">buyer's option</option>
              </select>
            )}
          </Field>
          <Field name="tolerance.beyond" label="A load beyond the tolerance is" errors={errors}>
            {(a) => (
              <select
                {...a}
                value={draft.beyond}
                onChange={(event) => set({ beyond: event.target.value as Tolerance["beyond"] })}
              >
                <option value="refuse">refused</option>
                <option value="flag">accepted and flagged</option>
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset className="wide delivery-terms">
        <legend>Quality parameters</legend>
        <p className="muted">
          What the weighbridge measures on each load. Leave min or max blank for no limit on that side.
        </p>
        {listError && <p className="error">{listError}</p>}
        {draft.parameters.length === 0 && <p className="muted">No quality parameters.</p>}
        {draft.parameters.map((row, index) => {
          const path = `qualityParameters.${index}`;
          const label = (text: string) => (
            <>
              <span className="visually-hidden">Parameter {index + 1} </span>
              {text}
            </>
          );
          return (
            <fieldset key={row.key} className="delivery-terms-row">
              <legend className="visually-hidden">Parameter {index + 1}</legend>
              {errors[path] && <p className="error">{errors[path]}</p>}
              <Field name={`${path}.name`} label={label("Name")} errors={errors}>
                {(a) => (
                  <input
                    {...a}
                    size={18}
                    maxLength={60}
                    value={row.name}
                    onChange={(event) => setRow(index, { name: event.target.value })}
                  />
                )}
              </Field>
              <Field name={`${path}.unit`} label={label("Unit")} errors={errors}>
                {(a) => (
                  <select {...a} value={row.unit} onChange={(event) => setRow(index, { unit: event.target.value })}>
                    {units.map((unit) => (
                      <option key={unit} value={unit}>
                        {unit}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name={`${path}.min`} label={label("Min")} errors={errors}>
                {(a) => (
                  <input
                    {...a}
                    inputMode="decimal"
                    size={7}
                    value={row.min}
                    onChange={(event) => setRow(index, { min: event.target.value })}
                  />
                )}
              </Field>
              <Field name={`${path}.max`} label={label("Max")} errors={errors}>
                {(a) => (
                  <input
                    {...a}
                    inputMode="decimal"
                    size={7}
                    value={row.max}
                    onChange={(event) => setRow(index, { max: event.target.value })}
                  />
                )}
              </Field>
              <button
                type="button"
                className="secondary"
                onClick={() => set({ parameters: draft.parameters.filter((_, i) => i !== index) })}
              >
                Remove<span className="visually-hidden"> parameter {index + 1}</span>
              </button>
            </fieldset>
          );
        })}
        <div>
          <button
            type="button"
            className="secondary"
            disabled={draft.parameters.length >= MAX_ROWS}
            onClick={() => set({ parameters: [...draft.parameters, rowOf(null)] })}
          >
            Add parameter
          </button>
        </div>
      </fieldset>
    </>
  );
}
