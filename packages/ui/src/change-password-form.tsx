"use client";

import { type FormEvent, useState } from "react";

type Field = "currentPassword" | "newPassword" | "repeatPassword";
const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;

const FIELDS: { name: Field; label: string; autoComplete: string; hint?: string }[] = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password", hint: "At least 10 characters." },
  { name: "repeatPassword", label: "New password again", autoComplete: "new-password" },
];

/** Replaces the signed-in user's password (`POST /api/account/password`); other sessions of the user end. */
export function ChangePasswordForm() {
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const value = (name: Field) => String(new FormData(form).get(name) ?? "");
    setOutcome(null);
    if (value("newPassword") !== value("repeatPassword")) {
      setErrors({ repeatPassword: "Repeat the new password exactly." });
      return;
    }
    setBusy(true);
    const response = await fetch("/api/account/password", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ currentPassword: value("currentPassword"), newPassword: value("newPassword") }),
    }).catch(() => null);
    setBusy(false);
    if (!response) {
      setOutcome({ ok: false, text: "The portal is unreachable; nothing changed. Try again." });
      return;
    }
    if (response.ok) {
      form.reset();
      setErrors({});
      setOutcome({ ok: true, text: "Password changed. Your other sessions were signed out." });
      return;
    }
    const problem = await response.json().catch(() => ({}));
    const found: Partial<Record<Field, string>> = {};
    for (const error of (problem.errors ?? []) as { field: Field; message: string }[]) {
      found[error.field] ??= sentence(error.message);
    }
    setErrors(found);
    if (Object.keys(found).length === 0) {
      setOutcome({ ok: false, text: String(problem.detail ?? "The password was not changed.") });
    }
  }

  return (
    <form
      className="card stack"
      onSubmit={submit}
      noValidate
      aria-describedby={outcome ? "password-outcome" : undefined}
    >
      <h2>Change password</h2>
      {FIELDS.map((field) => {
        const error = errors[field.name];
        const describedBy = [field.hint && `${field.name}-hint`, error && `${field.name}-error`]
          .filter(Boolean)
          .join(" ");
        return (
          <div className="field" key={field.name}>
            <label htmlFor={field.name}>{field.label}</label>
            <input
              id={field.name}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              required
              aria-invalid={Boolean(error)}
              aria-describedby={describedBy || undefined}
            />
            {field.hint && <small id={`${field.name}-hint`}>{field.hint}</small>}
            {error && (
              <p id={`${field.name}-error`} className="error">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {outcome && (
        <p id="password-outcome" role={outcome.ok ? "status" : "alert"} className={outcome.ok ? undefined : "error"}>
          {outcome.text}
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
