"use client";

import { organizationScopes } from "@lotbridge/contract/api-key-scope";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";

/** Posts to the organization-key routes and says how it went; the answer's problem detail on a refusal. */
function useKeyCall() {
  const router = useRouter();
  const [message, setMessage] = useState<ReactNode>(null);
  async function run(path: string, body: unknown, describe: (answer: Record<string, unknown>) => ReactNode) {
    setMessage("Working…");
    const response = await fetch(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    setMessage(response.ok ? describe(answer) : <span className="error">{String(answer.detail ?? "Failed.")}</span>);
    router.refresh();
  }
  return { message, run };
}

export function IssueOrganizationKeyForm() {
  const { message, run } = useKeyCall();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    await run("/api/organization/api-keys", { name: form.get("name"), scopes: form.getAll("scopes") }, (a) => (
      <div role="status">
        <p>New key for {String(a.name)}. It is shown only now: store it in that system's settings.</p>
        <code className="secret">{String(a.key)}</code>
      </div>
    ));
  }
  return (
    <form className="stack" onSubmit={submit} aria-label="Issue an organization key">
      <div className="row">
        <label className="inline">
          Name <input name="name" required maxLength={100} placeholder="ERP" />
        </label>
        <fieldset className="inline">
          <legend>Scopes</legend>
          {organizationScopes.map((scope) => (
            <label key={scope} className="inline">
              <input type="checkbox" name="scopes" value={scope} defaultChecked /> {scope}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary">
          Issue key
        </button>
      </div>
      {message && <div aria-live="polite">{message}</div>}
    </form>
  );
}

export function RevokeOrganizationKeyButton({ id, name }: { id: string; name: string }) {
  const { message, run } = useKeyCall();
  return (
    <span className="row">
      <button
        type="button"
        onClick={() => run(`/api/organization/api-keys/${id}/revoke`, {}, () => `${name} is revoked.`)}
      >
        Revoke
      </button>
      {message && <span aria-live="polite">{message}</span>}
    </span>
  );
}
