"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";

type Field = "name" | "email" | "role";
const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;

/** An admin gives a colleague an account; the generated password is shown here once, to hand over. */
export function AddTeamMemberForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<{ email: string; password: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setProblem(null);
    setAdded(null);
    setBusy(true);
    const response = await fetch("/api/team", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: data.get("name"), email: data.get("email"), role: data.get("role") }),
    }).catch(() => null);
    setBusy(false);
    if (!response) {
      setProblem("The portal is unreachable; nobody was added. Try again.");
      return;
    }
    const answer = await response.json().catch(() => ({}));
    if (response.ok) {
      form.reset();
      setErrors({});
      setAdded({ email: answer.member?.email ?? String(data.get("email")), password: answer.password });
      router.refresh();
      return;
    }
    const found: Partial<Record<Field, string>> = {};
    for (const error of (answer.errors ?? []) as { field: Field; message: string }[]) {
      found[error.field] ??= sentence(error.message);
    }
    setErrors(found);
    if (Object.keys(found).length === 0) setProblem(String(answer.detail ?? "Nobody was added."));
  }

  const field = (name: Field, label: string, input: (a: Record<string, unknown>) => ReactNode) => {
    const error = errors[name];
    return (
      <div className="field">
        <label htmlFor={`team-${name}`}>{label}</label>
        {input({
          id: `team-${name}`,
          name,
          "aria-invalid": Boolean(error),
          "aria-describedby": error ? `team-${name}-error` : undefined,
        })}
        {error && (
          <p id={`team-${name}-error`} className="error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h2>Add a colleague</h2>
      {field("name", "Full name", (a) => (
        <input {...a} autoComplete="off" maxLength={200} required />
      ))}
      {field("email", "Sign-in email", (a) => (
        <input {...a} type="email" autoComplete="off" required />
      ))}
      {field("role", "Role", (a) => (
        <select {...a} defaultValue="member">
          <option value="member">Member</option>
          <option value="admin">Admin (also adds people)</option>
        </select>
      ))}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {added && (
        <p role="status" className="card">
          Added {added.email}. Their password, shown only now: <code>{added.password}</code> — hand it over securely;
          they replace it on their account page.
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Adding…" : "Add colleague"}
        </button>
      </div>
    </form>
  );
}
