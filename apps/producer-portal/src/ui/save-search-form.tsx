"use client";

import { FormField } from "@lotbridge/ui/form-field";
import { FormProblem } from "@lotbridge/ui/form-problem";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { useState } from "react";

/**
 * "Save this search" under the marketplace's filters: keeps the filters the page was rendered with (not what is typed
 * but not yet searched) under a name, so the member is told when a new lot matches them.
 */
export function SaveSearchForm({ filters, summary }: { filters: Record<string, string>; summary: string }) {
  const submitter = useSubmit();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  if (!open) {
    return (
      <div className="save-search">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setOpen(true);
            setSaved(null);
          }}
        >
          Save this search
        </button>
        {saved && (
          <p role="status">
            Saved as “{saved}”. You will be told when a new lot matches.{" "}
            <a href="/saved-searches">Manage saved searches</a>
          </p>
        )}
      </div>
    );
  }
  return (
    <form
      className="save-search card"
      aria-describedby="save-search-problem"
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const name = String(new FormData(form).get("name") ?? "");
        void submitter.send<{ name: string }>(
          { url: "/api/saved-searches", body: { ...filters, name } },
          {
            form,
            fieldsMessage: "Nothing was saved. Choose another name.",
            done: (search) => {
              setSaved(search.name);
              setOpen(false);
            },
          },
        );
      }}
    >
      <p className="muted">Keeps {summary}. You are told in the app and by email when a new lot matches.</p>
      <FormField name="name" idPrefix="saved-search" label="Name for these filters" errors={submitter.fieldErrors}>
        {(attributes) => <input {...attributes} maxLength={80} required />}
      </FormField>
      <FormProblem submitter={submitter} id="save-search-problem" />
      <div className="row">
        <button type="submit" className="primary" disabled={submitter.sending}>
          {submitter.sending ? "Saving…" : "Save"}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            submitter.clear();
            setOpen(false);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
