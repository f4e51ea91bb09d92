"use client";

import { type FormEvent, useState } from "react";
import { safeRedirectPath } from "./safe-redirect-path";

const MESSAGES: Record<number, string> = {
  401: "Wrong email or password.",
  429: "Too many sign-in attempts from this address. Wait a minute, then try again.",
};

export function SignInForm({ next = "/" }: { next?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const response = await fetch("/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
    }).catch(() => null);
    setBusy(false);
    if (response?.ok) {
      window.location.assign(safeRedirectPath(next, window.location.origin));
      return;
    }
    setError(response ? (MESSAGES[response.status] ?? "Sign-in failed. Try again.") : "The portal is unreachable.");
  }

  return (
    <form className="card stack" onSubmit={submit} aria-describedby={error ? "sign-in-error" : undefined}>
      <label className="field">
        <span>Email</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        <span>Password</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p id="sign-in-error" role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
