"use client";

import type { FormEvent } from "react";
import { FormProblem } from "./form-problem";
import { safeRedirectPath } from "./safe-redirect-path";
import { useSubmit } from "./use-submit";

const MESSAGES: Record<number, string> = {
  401: "Wrong email or password.",
  429: "Too many sign-in attempts from this address. Wait a minute, then try again.",
};

export function SignInForm({ next = "/" }: { next?: string }) {
  const submitter = useSubmit();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    await submitter.send(
      { url: "/api/auth/sign-in/email", body: { email: data.get("email"), password: data.get("password") } },
      {
        form,
        // The sign-in endpoint is the auth library's, not problem+json: its status says what happened.
        describe: (refusal) =>
          refusal.kind === "refused" ? (MESSAGES[refusal.status] ?? "Sign-in failed. Try again.") : undefined,
        done: () => window.location.assign(safeRedirectPath(next, window.location.origin)),
      },
    );
  }

  return (
    <form className="card stack" onSubmit={submit} aria-describedby={submitter.problem ? "sign-in-error" : undefined}>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <FormProblem submitter={submitter} id="sign-in-error" />
      <button type="submit" className="primary" disabled={submitter.sending}>
        {submitter.sending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
