"use client";

import { FormProblem } from "./form-problem";
import { useSubmit } from "./use-submit";

/** Ends the session on the portal, then shows the sign-in page; if the portal cannot be reached, says so. */
export function SignOutButton({ className = "link" }: { className?: string }) {
  const submitter = useSubmit();
  function signOut() {
    void submitter.send({ url: "/api/auth/sign-out", body: {} }, { done: () => window.location.assign("/sign-in") });
  }
  return (
    <>
      <button type="button" className={className} onClick={signOut} disabled={submitter.sending}>
        Sign out
      </button>
      <FormProblem submitter={submitter} />
    </>
  );
}
