import type { ReactNode } from "react";

/** The API's refusals by field name, first message each. */
export type FieldErrors = Record<string, string>;

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/**
 * A labelled form control with its hint and its error beside it; the control is told which of them describe it. The
 * field's `name` is also its id, so a page must not show two fields of one name.
 */
export function FormField(props: {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  wide?: boolean;
  children: (attributes: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
  }) => ReactNode;
}) {
  const error = props.errors[props.name];
  const describedBy = [props.hint ? `${props.name}-hint` : "", error ? `${props.name}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${props.wide ? " wide" : ""}`}>
      <label htmlFor={props.name}>{props.label}</label>
      {props.children({
        id: props.name,
        name: props.name,
        "aria-invalid": Boolean(error),
        "aria-describedby": describedBy || undefined,
      })}
      {props.hint && <small id={`${props.name}-hint`}>{props.hint}</small>}
      {error && (
        <p id={`${props.name}-error`} className="error">
          {sentence(error)}
        </p>
      )}
    </div>
  );
}
