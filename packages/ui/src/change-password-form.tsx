"use client";

import { type FormEvent, useState } from "react";
import { FormField } from "./form-field";
import { FormProblem } from "./form-problem";
import { useSubmit } from "./use-submit";

type Field = "currentPassword" | "newPassword" | "repeatPassword";

const FIELDS: { name: Field; label: string; autoComplete: string; hint?: string }[] = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password", hint: "At least 10 characters." },
  { name: "repeatPassword", label: "New password again", autoComplete: "new-password" },
];

/** Replaces the signed-in user's password (`POST /api/account/password`); other sessions of the user end. */
export function ChangePasswordForm() {
  const submitter = useSubmit();
  const [changed, setChanged] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const value = (name: Field) => String(new FormData(form).get(name) ?? "");
    setChanged(false);
    if (value("newPassword") !== value("repeatPassword")) {
      submitter.refuse({ repeatPassword: "Repeat the new password exactly." });
      return;
    }
    await submitter.send(
      {
        url: "/api/account/password",
        body: { currentPassword: value("currentPassword"), newPassword: value("newPassword") },
      },
      {
        form,
        fieldsMessage: "The password was not changed. Correct the fields marked above.",
        done: () => {
          form.reset();
          setChanged(true);
        },
      },
    );
  }

  return (
    <form
      className="card stack"
      onSubmit={submit}
      noValidate
      aria-describedby={submitter.problem ? "password-problem" : changed ? "password-outcome" : undefined}
    >
      <h2>Change password</h2>
      {FIELDS.map((field) => (
        <FormField
          key={field.name}
          name={field.name}
          label={field.label}
          hint={field.hint}
          errors={submitter.fieldErrors}
        >
          {(a) => <input {...a} type="password" autoComplete={field.autoComplete} required />}
        </FormField>
      ))}
      {changed && (
        <p id="password-outcome" role="status">
          Password changed. Your other sessions were signed out.
        </p>
      )}
      <FormProblem submitter={submitter} id="password-problem" />
      <div>
        <button type="submit" className="primary" disabled={submitter.sending}>
          {submitter.sending ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
