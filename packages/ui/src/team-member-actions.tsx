"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProblem } from "./form-problem";
import { useSubmit } from "./use-submit";

/**
 * An admin's actions on a colleague, each after a confirmation: a new password (shown here once, to hand over) for
 * someone who forgot theirs, or removal. Either signs the colleague out everywhere.
 */
export function TeamMemberActions({ userId, name }: { userId: string; name: string }) {
  const router = useRouter();
  const submitter = useSubmit();
  const [password, setPassword] = useState<string | null>(null);
  const path = `/api/team/${encodeURIComponent(userId)}`;

  function act(question: string, url: string, method: "POST" | "DELETE") {
    if (!window.confirm(question)) return;
    setPassword(null);
    void submitter.send<{ password?: string }>(
      { url, method },
      {
        done: (answer) => {
          if (answer.password) setPassword(answer.password);
          else router.refresh();
        },
      },
    );
  }

  return (
    <div className="row">
      <button
        type="button"
        className="link"
        disabled={submitter.sending}
        aria-label={`New password for ${name}`}
        onClick={() => act(`Give ${name} a new password? Their current one stops working.`, `${path}/password`, "POST")}
      >
        New password
      </button>
      <button
        type="button"
        className="link"
        disabled={submitter.sending}
        aria-label={`Remove ${name}`}
        onClick={() => act(`Remove ${name}? They are signed out and can no longer sign in.`, path, "DELETE")}
      >
        Remove
      </button>
      {password && (
        <span role="status">
          New password for {name}, shown only now: <code>{password}</code>
        </span>
      )}
      <FormProblem submitter={submitter} />
    </div>
  );
}
