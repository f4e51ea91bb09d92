import type { ReactNode } from "react";
import type { FieldErrors } from "./submit-json";

/**
 * A labelled form control with its hint and its error beside it; the control is told which of them describe it. The
 * control's id is the field's name (after `idPrefix-` when given), so two fields of one name on a page need prefixes.
 */
export function FormField(props: {
  name: string;
  label: ReactNode;
  hint?: string;
  errors: FieldErrors;
  wide?: boolean;
  idPrefix?: string;
  className?: string;
  children: (attributes: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
  }) => ReactNode;
}) {
  const id = props.idPrefix ? `${props.idPrefix}-${props.name}` : props.name;
  const error = props.errors[props.name];
  const describedBy = [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const classes = ["field", props.wide ? "wide" : "", props.className ?? ""].filter(Boolean).join(" ");
  return (
    <div className={classes}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        name: props.name,
        "aria-invalid": Boolean(error),
        "aria-describedby": describedBy || undefined,
      })}
      {props.hint && <small id={`${id}-hint`}>{props.hint}</small>}
      {error && (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      )}
    </div>
  );
}
