"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import { FormField } from "./form-field";
import { FormProblem } from "./form-problem";
import { useSubmit } from "./use-submit";

type Field = "name" | "email" | "role";

/** An admin gives a colleague an account; the generated password is shown here once, to hand over. */
export function AddTeamMemberForm() {
  const router = useRouter();
  const submitter = useSubmit();
  const [added, setAdded] = useState<{ email: string; password: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setAdded(null);
    await submitter.send<{ member?: { email?: string }; password: string }>(
      {
        url: "/api/team",
        body: { name: data.get("name"), email: data.get("email"), role: data.get("role") },
      },
      {
        form,
        fieldsMessage: "Nobody was added. Correct the fields marked above.",
        done: (answer) => {
          form.reset();
          setAdded({ email: answer.member?.email ?? String(data.get("email")), password: answer.password });
          router.refresh();
        },
      },
    );
  }

  const field = (name: Field, label: string, input: (a: Record<string, unknown>) => ReactNode) => (
    <FormField name={name} idPrefix="team" label={label} errors={submitter.fieldErrors}>
      {input}
    </FormField>
  );

  return (
    <form
      className="card stack"
      onSubmit={submit}
      noValidate
      aria-describedby={submitter.problem ? "team-problem" : undefined}
    >
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
      <FormProblem submitter={submitter} id="team-problem" />
      {added && (
        <p role="status" className="card">
          Added {added.email}. Their password, shown only now: <code>{added.password}</code> — hand it over securely;
          they replace it on their account page.
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={submitter.sending}>
          {submitter.sending ? "Adding…" : "Add colleague"}
        </button>
      </div>
    </form>
  );
}
