"use client";

import { organizationScopes } from "@lotbridge/contract/api-key-scope";
import { ActionOutcome, useAction } from "@lotbridge/ui/use-action";
import type { FormEvent } from "react";

export function IssueOrganizationKeyForm() {
  const action = useAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const body = { name: form.get("name"), scopes: form.getAll("scopes") };
    action.run(
      { url: "/api/organization/api-keys", body },
      (a) => (
        <div role="status">
          <p>New key for {String(a.name)}. It is shown only now: store it in that system's settings.</p>
          <code className="secret">{String(a.key)}</code>
        </div>
      ),
      element,
    );
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
        <button type="submit" className="primary" disabled={action.submitter.sending}>
          Issue key
        </button>
      </div>
      <ActionOutcome action={action} />
    </form>
  );
}

export function RevokeOrganizationKeyButton({ id, name }: { id: string; name: string }) {
  const action = useAction();
  return (
    <span className="row">
      <button
        type="button"
        className="danger"
        disabled={action.submitter.sending}
        onClick={() =>
          action.run({ url: `/api/organization/api-keys/${id}/revoke`, body: {} }, () => `${name} is revoked.`)
        }
      >
        Revoke
      </button>
      <ActionOutcome action={action} />
    </span>
  );
}
