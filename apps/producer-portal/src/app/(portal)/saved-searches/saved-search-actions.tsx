"use client";

import { FormField } from "@lotbridge/ui/form-field";
import { FormProblem } from "@lotbridge/ui/form-problem";
import { useSubmit } from "@lotbridge/ui/use-submit";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** Rename (inline) and delete (asked once) for one saved search; the list re-renders from the server after each. */
export function SavedSearchActions({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const submitter = useSubmit();
  const [mode, setMode] = useState<"idle" | "renaming" | "deleting">("idle");
  const url = `/api/saved-searches/${encodeURIComponent(id)}`;
  const idle = () => {
    submitter.clear();
    setMode("idle");
  };
  const done = () => {
    setMode("idle");
    router.refresh();
  };

  if (mode === "renaming") {
    return (
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const draft = String(new FormData(form).get("name") ?? "");
          void submitter.send({ url, method: "PATCH", body: { name: draft } }, { form, done });
        }}
      >
        <FormField
          name="name"
          idPrefix={`rename-${id}`}
          label={<span className="visually-hidden">New name for {name}</span>}
          errors={submitter.fieldErrors}
        >
          {(attributes) => <input {...attributes} defaultValue={name} maxLength={80} required />}
        </FormField>
        <button type="submit" className="primary" disabled={submitter.sending}>
          {submitter.sending ? "Saving…" : "Save name"}
        </button>
        <button type="button" className="secondary" onClick={idle}>
          Cancel
        </button>
        <FormProblem submitter={submitter} />
      </form>
    );
  }
  if (mode === "deleting") {
    return (
      <div className="row">
        <span>Delete “{name}”?</span>
        <button
          type="button"
          className="danger"
          disabled={submitter.sending}
          onClick={() => void submitter.send({ url, method: "DELETE" }, { done })}
        >
          {submitter.sending ? "Deleting…" : "Delete"}
        </button>
        <button type="button" className="secondary" onClick={idle}>
          Keep it
        </button>
        <FormProblem submitter={submitter} />
      </div>
    );
  }
  return (
    <div className="row">
      <button type="button" className="secondary" onClick={() => setMode("renaming")} aria-label={`Rename ${name}`}>
        Rename
      </button>
      <button type="button" className="secondary" onClick={() => setMode("deleting")} aria-label={`Delete ${name}`}>
        Delete
      </button>
    </div>
  );
}
